import type { Backup } from "./backup";
import { BackupRecords, NO_START } from "./backup-records";
import { readInstant } from "./instant";

/** The one place that knows the API's JSON quirks: proto3 drops empty fields, and order means nothing. */
export interface NormalizedPage {
  /** Finished backups (with `createdAt`), in server order. */
  readonly records: BackupRecords;
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
  if (typeof value !== "string")
    throw new PageShapeError(`backups[${at}].${key}`, `is ${typeName(value)}, not a string`);
  return value;
}

// Scratch space for the two timestamps of the backup being read; copied into its record.
const created = { day: 0, second: 0, nanos: 0 };
const started = { day: 0, second: 0, nanos: 0 };

function readTimestamp(text: string, into: typeof created, key: string, at: number): void {
  if (!readInstant(text, into)) {
    throw new PageShapeError(`backups[${at}].${key}`, `is not an RFC 3339 timestamp: ${quote(text)}`);
  }
}

function stringArray(record: Record<string, unknown>, key: string, at: number): string[] {
  const value = record[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw new PageShapeError(`backups[${at}].${key}`, `is ${typeName(value)}, not an array`);
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

const CANONICAL_KEYS = ["id", "folderId", "createdAt", "sourceClusterId", "startedAt", "databases"];

/**
 * True when a record holds exactly the documented fields, in the documented order, each of its documented
 * type: it can then be returned as it is, which spares a copy of every backup (the API writes its fields
 * in this order, so this is the common case).
 */
function isCanonical(record: Record<string, unknown>): boolean {
  let i = 0;
  for (const key in record) {
    if (key !== CANONICAL_KEYS[i]) return false;
    i++;
  }
  return (
    i === 6 &&
    typeof record.folderId === "string" &&
    typeof record.createdAt === "string" &&
    typeof record.sourceClusterId === "string" &&
    typeof record.startedAt === "string" &&
    Array.isArray(record.databases)
  );
}

/** Reads the backups of one parsed page body; throws PageShapeError naming the first bad field. */
export function normalizePage(body: unknown): NormalizedPage {
  if (!isObject(body)) throw new PageShapeError("(body)", `is ${typeName(body)}, not a JSON object`);
  const raw = body.backups;
  if (raw === undefined || raw === null) return { records: new BackupRecords(0), scanned: 0 };
  if (!Array.isArray(raw)) throw new PageShapeError("backups", `is ${typeName(raw)}, not an array`);
  const records = new BackupRecords(raw.length);
  for (let at = 0; at < raw.length; at++) {
    const record: unknown = raw[at];
    if (!isObject(record))
      throw new PageShapeError(`backups[${at}]`, `is ${typeName(record)}, not an object`);
    const id = optionalString(record, "id", at);
    if (id === "") throw new PageShapeError(`backups[${at}].id`, "is missing");
    const createdAt = optionalString(record, "createdAt", at);
    const startedAt = optionalString(record, "startedAt", at);
    if (createdAt !== "") readTimestamp(createdAt, created, "createdAt", at);
    if (startedAt !== "") readTimestamp(startedAt, started, "startedAt", at);
    const databases = stringArray(record, "databases", at);
    const backup: Backup = isCanonical(record)
      ? (record as unknown as Backup)
      : {
          id,
          folderId: optionalString(record, "folderId", at),
          createdAt,
          sourceClusterId: optionalString(record, "sourceClusterId", at),
          startedAt,
          databases,
        };
    // A backup without createdAt has not finished and cannot be restored from.
    if (createdAt === "") continue;
    if (startedAt === "") records.append(backup, created.day, created.second, created.nanos, NO_START, 0, 0);
    else {
      records.append(
        backup,
        created.day,
        created.second,
        created.nanos,
        started.day,
        started.second,
        started.nanos,
      );
    }
  }
  return { records, scanned: raw.length };
}

/** The page's continuation token; undefined on the last page (absent, null or empty, as proto3 writes it). */
export function readNextPageToken(body: unknown): string | undefined {
  if (!isObject(body)) throw new PageShapeError("(body)", `is ${typeName(body)}, not a JSON object`);
  const token = body.nextPageToken;
  if (token === undefined || token === null || token === "") return undefined;
  if (typeof token !== "string")
    throw new PageShapeError("nextPageToken", `is ${typeName(token)}, not a string`);
  return token;
}
