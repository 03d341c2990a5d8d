import type { Backup } from "../backups/backup";
import type { LookupArgs } from "../lookup/lookup-args";
import { LOOKUP_ARG_NAMES } from "../lookup/lookup-request";

/** The engine's marker for a value not known yet (in preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Inputs a ClusterBackups resource passes to the lookup: all but credentials and the abort signal. */
export const LOOKUP_INPUTS = LOOKUP_ARG_NAMES.filter(
  (name) => name !== "token" && name !== "serviceAccountKey" && name !== "signal",
);

/** What decides the pick: while these stay equal, the recorded pick is held. */
export const SELECTION_INPUTS = [
  "clusterId",
  "databases",
  "createdAfter",
  "createdBefore",
  "limit",
  "failIfEmpty",
  "endpoint",
  "keepers",
] as const;

/** The pick, computed in check (so that preview shows it) and recorded as inputs and outputs. */
export interface Pick {
  readonly backups: readonly Backup[];
  readonly latest?: Backup;
  readonly ids: readonly string[];
  readonly scanned: number;
  /** When the pick was made (RFC 3339, UTC). */
  readonly selectedAt: string;
}

export const PICK_FIELDS = ["backups", "latest", "ids", "scanned", "selectedAt"] as const;

export type Properties = Record<string, unknown>;

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}

export function hasPick(properties: Properties): boolean {
  return Array.isArray(properties.ids) && typeof properties.selectedAt === "string";
}

export function pickOf(properties: Properties): Properties {
  const pick: Properties = {};
  for (const field of PICK_FIELDS) if (properties[field] !== undefined) pick[field] = properties[field];
  return pick;
}

export function withoutPick(properties: Properties): Properties {
  const rest: Properties = { ...properties };
  for (const field of PICK_FIELDS) delete rest[field];
  return rest;
}

/** The lookup's arguments, taken from the resource's inputs. */
export function lookupArgsOf(properties: Properties): LookupArgs {
  const args: Record<string, unknown> = {};
  for (const key of LOOKUP_INPUTS)
    if (properties[key] !== undefined && properties[key] !== null) args[key] = properties[key];
  return args as unknown as LookupArgs;
}

/** The inputs that decide the pick, in a canonical form: database order and keeper order do not matter. */
export function selectionKey(properties: Properties): string {
  const key: Properties = {};
  for (const field of SELECTION_INPUTS) {
    const value = properties[field];
    if (value === undefined || value === null) continue;
    if (field === "databases" && Array.isArray(value)) key[field] = [...new Set(value as string[])].sort();
    else if (field === "keepers" && typeof value === "object") key[field] = sortedObject(value as Properties);
    else key[field] = value;
  }
  return JSON.stringify(key);
}

function sortedObject(value: Properties): Properties {
  const sorted: Properties = {};
  for (const k of Object.keys(value).sort()) sorted[k] = value[k];
  return sorted;
}
