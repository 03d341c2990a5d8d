import type { Backup } from "./backup";
import type { Instant } from "./instant";

/** startedDay of a backup without `startedAt`: earlier than any real day, and still an int32. */
export const NO_START = -0x3fffffff;

/** createdDay, createdSecond, createdNanos, startedDay, startedSecond, startedNanos. */
const KEY_INTS = 6;

/**
 * Backups numbered 0, 1, 2, … each with its sort key (createdAt and startedAt, parsed once) held as six
 * int32s in one shared typed array: a lookup keeps no object per backup beyond the backup itself.
 */
export class BackupRecords {
  /** The backups, by record number. */
  readonly backups: Backup[] = [];
  private keys: Int32Array;

  constructor(capacity = 64) {
    this.keys = new Int32Array(Math.max(1, capacity) * KEY_INTS);
  }

  get length(): number {
    return this.backups.length;
  }

  /** Adds a backup with its two instants; returns its record number. */
  append(
    backup: Backup,
    createdDay: number,
    createdSecond: number,
    createdNanos: number,
    startedDay: number,
    startedSecond: number,
    startedNanos: number,
  ): number {
    const record = this.backups.length;
    const at = this.reserve(record);
    const k = this.keys;
    k[at] = createdDay;
    k[at + 1] = createdSecond;
    k[at + 2] = createdNanos;
    k[at + 3] = startedDay;
    k[at + 4] = startedSecond;
    k[at + 5] = startedNanos;
    this.backups.push(backup);
    return record;
  }

  /** Adds record `from` of `source`; returns its record number here. */
  appendFrom(source: BackupRecords, from: number): number {
    const record = this.backups.length;
    const at = this.reserve(record);
    const k = this.keys;
    const s = source.keys;
    const f = from * KEY_INTS;
    k[at] = s[f];
    k[at + 1] = s[f + 1];
    k[at + 2] = s[f + 2];
    k[at + 3] = s[f + 3];
    k[at + 4] = s[f + 4];
    k[at + 5] = s[f + 5];
    this.backups.push(source.backups[from]);
    return record;
  }

  /** Forgets the last record added. */
  dropLast(): void {
    this.backups.pop();
  }

  /** Negative when the record was created before the instant, positive when after, 0 at the same instant. */
  compareCreatedTo(record: number, instant: Instant): number {
    const k = this.keys;
    const at = record * KEY_INTS;
    return k[at] - instant.day || k[at + 1] - instant.second || k[at + 2] - instant.nanos;
  }

  /**
   * Newest `createdAt` first, then newest `startedAt`, then `id` ascending. Two records with the same id are
   * ordered by their content, so the pick never depends on the order the server sent them in.
   */
  compare(a: number, b: number): number {
    const k = this.keys;
    const x = a * KEY_INTS;
    const y = b * KEY_INTS;
    const byTime =
      k[y] - k[x] ||
      k[y + 1] - k[x + 1] ||
      k[y + 2] - k[x + 2] ||
      k[y + 3] - k[x + 3] ||
      k[y + 4] - k[x + 4] ||
      k[y + 5] - k[x + 5];
    if (byTime !== 0) return byTime;
    const p = this.backups[a];
    const q = this.backups[b];
    if (p.id !== q.id) return p.id < q.id ? -1 : 1;
    const s = JSON.stringify(p);
    const t = JSON.stringify(q);
    return s < t ? -1 : s > t ? 1 : 0;
  }

  /** The offset of `record`'s key, growing the keys to hold it. */
  private reserve(record: number): number {
    const at = record * KEY_INTS;
    if (at + KEY_INTS > this.keys.length) {
      const grown = new Int32Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    return at;
  }
}
