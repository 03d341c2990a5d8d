import type { Backup } from "./backup";
import { compareEntries, type BackupEntry } from "./backup-entry";
import { matchesFilter, type BackupFilter } from "./backup-filter";
import { SortedRunStack } from "./merge-sorted";

export interface SelectedBackups {
  /** Newest first; no id twice. */
  readonly backups: Backup[];
  /** Backups the API returned, before any filter (unfinished ones included). */
  readonly scanned: number;
}

/**
 * Gathers pages as they arrive and picks from them. Each page is filtered, deduplicated, sorted and merged
 * on arrival, while the next page is in flight, so that little is left to do once the last page is in.
 */
export class BackupSelection {
  private readonly runs = new SortedRunStack<BackupEntry>(compareEntries);
  /** The newest record of each id so far: an id the API lists twice is returned once. */
  private readonly newestById = new Map<string, BackupEntry>();
  /** How many records in `runs` an id's newer record has replaced. */
  private superseded = 0;
  private scannedSoFar = 0;

  constructor(
    private readonly filter: BackupFilter,
    private readonly limit: number = Infinity,
  ) {}

  add(entries: readonly BackupEntry[], scanned: number): void {
    this.scannedSoFar += scanned;
    const run: BackupEntry[] = [];
    for (const entry of entries) {
      if (!matchesFilter(entry, this.filter)) continue;
      const held = this.newestById.get(entry.backup.id);
      if (held !== undefined) {
        if (compareEntries(entry, held) >= 0) continue;
        this.superseded++;
      }
      this.newestById.set(entry.backup.id, entry);
      run.push(entry);
    }
    if (run.length > 0) this.runs.push(run.sort(compareEntries));
  }

  finish(): SelectedBackups {
    const sorted = this.runs.sorted();
    const entries =
      this.superseded === 0 ? sorted : sorted.filter((e) => this.newestById.get(e.backup.id) === e);
    const count = Math.min(this.limit, entries.length);
    const backups = new Array<Backup>(count);
    for (let i = 0; i < count; i++) backups[i] = entries[i].backup;
    return { backups, scanned: this.scannedSoFar };
  }
}
