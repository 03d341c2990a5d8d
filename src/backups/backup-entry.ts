import type { Backup } from "./backup";
import { compareInstants, type Instant } from "./instant";

/** A backup with its timestamps parsed once, so sorting never re-parses. */
export interface BackupEntry {
  readonly backup: Backup;
  readonly created: Instant;
  /** Absent when the API omitted `startedAt`; such a backup sorts as started before any other. */
  readonly started: Instant | undefined;
}

/**
 * Newest `createdAt` first, then newest `startedAt`, then `id` ascending. Two records with the same id are
 * ordered by their content, so the pick never depends on the order the server sent them in.
 */
export function compareEntries(a: BackupEntry, b: BackupEntry): number {
  const byCreated = compareInstants(b.created, a.created);
  if (byCreated !== 0) return byCreated;
  if (a.started !== b.started) {
    if (!a.started) return 1;
    if (!b.started) return -1;
    const byStarted = compareInstants(b.started, a.started);
    if (byStarted !== 0) return byStarted;
  }
  const x = a.backup.id;
  const y = b.backup.id;
  if (x !== y) return x < y ? -1 : 1;
  const p = JSON.stringify(a.backup);
  const q = JSON.stringify(b.backup);
  return p < q ? -1 : p > q ? 1 : 0;
}
