import type { Backup } from "./backup";
import { matchesFilter, type BackupFilter } from "./backup-filter";
import { BackupRecords } from "./backup-records";
import { IdTable } from "./id-table";
import { SortedRunStack } from "./sorted-run-stack";

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
  private readonly records = new BackupRecords(1024);
  /** The newest record of each id so far: an id the API lists twice is returned once. */
  private readonly newestById = new IdTable((record) => this.records.backups[record].id);
  private readonly runs = new SortedRunStack((a, b) => this.records.compare(a, b));
  /** How many records in `runs` an id's newer record has replaced. */
  private superseded = 0;
  private scannedSoFar = 0;

  constructor(
    private readonly filter: BackupFilter,
    private readonly limit: number = Infinity,
  ) {}

  add(page: BackupRecords, scanned: number): void {
    this.scannedSoFar += scanned;
    const records = this.records;
    const first = records.length;
    for (let i = 0; i < page.length; i++) {
      if (!matchesFilter(page, i, this.filter)) continue;
      const record = records.appendFrom(page, i);
      const id = page.backups[i].id;
      const held = this.newestById.put(id, record);
      if (held < 0) continue;
      if (records.compare(record, held) < 0) {
        this.superseded++;
      } else {
        this.newestById.put(id, held);
        records.dropLast();
      }
    }
    this.runs.add(first, records.length);
  }

  finish(): SelectedBackups {
    const order = this.runs.sorted();
    const all = this.records.backups;
    const count = Math.min(this.limit, order.length - this.superseded);
    const backups = new Array<Backup>(count);
    for (let i = 0, k = 0; k < count; i++) {
      const record = order[i];
      if (this.superseded === 0 || this.newestById.get(all[record].id) === record) backups[k++] = all[record];
    }
    return { backups, scanned: this.scannedSoFar };
  }
}
