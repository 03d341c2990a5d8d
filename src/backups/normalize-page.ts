import type { Backup } from "./backup";
import type { BackupEntry } from "./backup-entry";
import { parseInstant, type Instant } from "./instant";


/** The one place that knows the API's JSON quirks: proto3 drops empty fields, and order means nothing. */
export interface NormalizedPage {
  /** Finished backups (with `createdAt`), in server order. */
  readonly entries: BackupEntry[];
  /** Every backup on the page, finished or not. */
  readonly scanned: number;
}

/** A field of the page that does not have the documented shape. */
export class PageShapeError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** proto3 JSON leaves out empty strings; some encoders write null instead. Both read as "". */
function optionalString(record: Record<string, unknown>, key: string, at: number): string {
  const value = record[key];
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") throw new PageShapeError(`backups[${at}].${key}`, `is ${typeName(value)}, not a string`);
  return value;
}

function optionalInstant(text: string, key: string, at: number): Instant | undefined {
  if (text === "") return undefined;
  const instant = parseInstant(text);
  if (!instant) throw new PageShapeError(`backups[${at}].${key}`, `is not an RFC 3339 timestamp: ${quote(text)}`);
  return instant;
}

function stringArray(record: Record<string, unknown>, key: string, at: number): string[] {
  const value = record[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new PageShapeError(`backups[${at}].${key}`, `is ${typeName(value)}, not an array`);
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== "string") {
      throw new PageShapeError(`backups[${at}].${key}[${i}]`, `is ${typeName(value[i])}, not a string`);
    }
  }
  return value as string[];
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const t = typeof value;
  return t === "object" ? "an object" : `a ${t}`;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}…` : text);
}

/** Reads the backups of one parsed page body; throws PageShapeError naming the first bad field. */
export function normalizePage(body: unknown): NormalizedPage {
  if (!isObject(body)) throw new PageShapeError("(body)", `is ${typeName(body)}, not a JSON object`);
  const raw = body.backups;
  if (raw === undefined || raw === null) return { entries: [], scanned: 0 };
  if (!Array.isArray(raw)) throw new PageShapeError("backups", `is ${typeName(raw)}, not an array`);
  const entries: BackupEntry[] = [];
  for (let at = 0; at < raw.length; at++) {
    const record: unknown = raw[at];
    if (!isObject(record)) throw new PageShapeError(`backups[${at}]`, `is ${typeName(record)}, not an object`);
    const id = optionalString(record, "id", at);
    if (id === "") throw new PageShapeError(`backups[${at}].id`, "is missing");
    const createdAt = optionalString(record, "createdAt", at);
    const startedAt = optionalString(record, "startedAt", at);
    const created = optionalInstant(createdAt, "createdAt", at);
    const started = optionalInstant(startedAt, "startedAt", at);
    const backup: Backup = {
      id,
      folderId: optionalString(record, "folderId", at),
      createdAt,
      startedAt,
      sourceClusterId: optionalString(record, "sourceClusterId", at),
      databases: stringArray(record, "databases", at),
    };
    // A backup without createdAt has not finished and cannot be restored from.
    if (created) entries.push({ backup, created, started });
  }
  return { entries, scanned: raw.length };
}

/** The page's continuation token; undefined on the last page (absent, null or empty, as proto3 writes it). */
export function readNextPageToken(body: unknown): string | undefined {
  if (!isObject(body)) throw new PageShapeError("(body)", `is ${typeName(body)}, not a JSON object`);
  const token = body.nextPageToken;
  if (token === undefined || token === null || token === "") return undefined;
  if (typeof token !== "string") throw new PageShapeError("nextPageToken", `is ${typeName(token)}, not a string`);
  return token;
}
