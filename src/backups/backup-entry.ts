import type { Backup } from "./backup";
import type { Instant } from "./instant";

/**
 * A backup with its timestamps parsed once, so sorting never re-parses. The two instants are held as six
 * small integers in the entry itself: one allocation a backup, none of them boxed.
 */
export class BackupEntry {
  constructor(
    readonly backup: Backup,
    readonly createdDay: number,
    readonly createdSecond: number,
    readonly createdNanos: number,
    /** NO_START when the API omitted `startedAt`: such a backup sorts as started before any other. */
    readonly startedDay: number,
    readonly startedSecond: number,
    readonly startedNanos: number,
  ) {}
}

/** startedDay of a backup without `startedAt`: earlier than any real day, and still a small integer. */
export const NO_START = -0x3fffffff;

/** Negative when the entry was created before the instant, positive when after, 0 at the same instant. */
export function compareCreatedTo(entry: BackupEntry, instant: Instant): number {
  return (
    entry.createdDay - instant.day ||
    entry.createdSecond - instant.second ||
    entry.createdNanos - instant.nanos
  );
}

/**
 * Newest `createdAt` first, then newest `startedAt`, then `id` ascending. Two records with the same id are
 * ordered by their content, so the pick never depends on the order the server sent them in.
 */
export function compareEntries(a: BackupEntry, b: BackupEntry): number {
  const byTime =
    b.createdDay - a.createdDay ||
    b.createdSecond - a.createdSecond ||
    b.createdNanos - a.createdNanos ||
    b.startedDay - a.startedDay ||
    b.startedSecond - a.startedSecond ||
    b.startedNanos - a.startedNanos;
  if (byTime !== 0) return byTime;
  const x = a.backup.id;
  const y = b.backup.id;
  if (x !== y) return x < y ? -1 : 1;
  const p = JSON.stringify(a.backup);
  const q = JSON.stringify(b.backup);
  return p < q ? -1 : p > q ? 1 : 0;
}
