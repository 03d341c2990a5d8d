import { compareCreatedTo, type BackupEntry } from "./backup-entry";
import type { Instant } from "./instant";

/** What a backup must satisfy to be kept. Every field is optional; none set keeps everything. */
export interface BackupFilter {
  /** Every one of these databases must be in the backup (exact match). */
  readonly databases?: readonly string[];
  /** Keep backups whose createdAt is at or after this instant. */
  readonly createdAfter?: Instant;
  /** Keep backups whose createdAt is at or before this instant. */
  readonly createdBefore?: Instant;
}

export function matchesFilter(entry: BackupEntry, filter: BackupFilter): boolean {
  if (filter.createdAfter && compareCreatedTo(entry, filter.createdAfter) < 0) return false;
  if (filter.createdBefore && compareCreatedTo(entry, filter.createdBefore) > 0) return false;
  if (filter.databases) {
    const held = entry.backup.databases;
    for (const wanted of filter.databases) if (!held.includes(wanted)) return false;
  }
  return true;
}
