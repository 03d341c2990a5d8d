import type { Backup } from "./backup";
import { compareEntries, type BackupEntry } from "./backup-entry";
import { matchesFilter, type BackupFilter } from "./backup-filter";

export interface SelectedBackups {
  /** Newest first; no id twice. */
  readonly backups: Backup[];
  /** Backups the API returned, before any filter (unfinished ones included). */
  readonly scanned: number;
}

/**
 * Gathers pages as they arrive and picks from them. Each page is filtered and sorted on arrival (while the
 * next page is in flight); the final sort then only merges sorted runs, which the engine's TimSort does in
 * near-linear time.
 */
export class BackupSelection {
  private readonly kept: BackupEntry[] = [];
  private scannedSoFar = 0;

  constructor(
    private readonly filter: BackupFilter,
    private readonly limit?: number,
  ) {}

  add(entries: readonly BackupEntry[], scanned: number): void {
    this.scannedSoFar += scanned;
    const start = this.kept.length;
    for (const entry of entries) if (matchesFilter(entry, this.filter)) this.kept.push(entry);
    sortRange(this.kept, start);
  }

  finish(): SelectedBackups {
    const sorted = this.kept.sort(compareEntries);
    const backups: Backup[] = [];
    const ids = new Set<string>();
    const limit = this.limit ?? Infinity;
    for (const entry of sorted) {
      if (backups.length >= limit) break;
      // The first copy of an id is its newest record: the sort put it there.
      if (ids.has(entry.backup.id)) continue;
      ids.add(entry.backup.id);
      backups.push(entry.backup);
    }
    return { backups, scanned: this.scannedSoFar };
  }
}

function sortRange(entries: BackupEntry[], start: number): void {
  if (entries.length - start < 2) return;
  const run = entries.slice(start).sort(compareEntries);
  for (let i = 0; i < run.length; i++) entries[start + i] = run[i];
}
