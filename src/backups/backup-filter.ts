import type { BackupRecords } from "./backup-records";
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

export function matchesFilter(records: BackupRecords, record: number, filter: BackupFilter): boolean {
  if (filter.createdAfter && records.compareCreatedTo(record, filter.createdAfter) < 0) return false;
  if (filter.createdBefore && records.compareCreatedTo(record, filter.createdBefore) > 0) return false;
  if (filter.databases) {
    const held = records.backups[record].databases;
    for (const wanted of filter.databases) if (!held.includes(wanted)) return false;
  }
  return true;
}
