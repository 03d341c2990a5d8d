/** FNV-1a over the UTF-16 code units, then mixed so that the low bits (the slot) depend on every unit. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

const EMPTY = -1;

/**
 * Maps backup ids to record numbers: open addressing with linear probing over two Int32Arrays (a hash and a
 * record number a slot), 11–21 bytes an id at a load of 3/8 to 3/4, where a Map spends ~60. The ids are not
 * held here: on a hash match, `idOf` reads the id of the record found.
 */
export class IdTable {
  private hashes: Int32Array;
  private records: Int32Array;
  private size = 0;

  constructor(
    private readonly idOf: (record: number) => string,
    capacity = 1024,
    private readonly hash: (id: string) => number = hashId,
  ) {
    let slots = 2;
    while (slots < capacity) slots *= 2;
    this.hashes = new Int32Array(slots);
    this.records = new Int32Array(slots).fill(EMPTY);
  }

  /** The record of `id`, or -1. */
  get(id: string): number {
    const h = this.hash(id) | 0;
    const mask = this.records.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const record = this.records[slot];
      if (record === EMPTY) return -1;
      if (this.hashes[slot] === h && this.idOf(record) === id) return record;
    }
  }

  /** Maps `id` to `record` (≥ 0); returns the record it mapped to before, or -1. */
  put(id: string, record: number): number {
    const h = this.hash(id) | 0;
    const mask = this.records.length - 1;
    let slot = h & mask;
    for (;;) {
      const held = this.records[slot];
      if (held === EMPTY) break;
      if (this.hashes[slot] === h && this.idOf(held) === id) {
        this.records[slot] = record;
        return held;
      }
      slot = (slot + 1) & mask;
    }
    this.hashes[slot] = h;
    this.records[slot] = record;
    // At most 3/4 full: linear probing slows sharply beyond.
    if (++this.size * 4 > this.records.length * 3) this.grow();
    return -1;
  }

  private grow(): void {
    const { hashes, records } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.records = new Int32Array(records.length * 2).fill(EMPTY);
    const mask = this.records.length - 1;
    for (let from = 0; from < records.length; from++) {
      if (records[from] === EMPTY) continue;
      let slot = hashes[from] & mask;
      while (this.records[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.hashes[slot] = hashes[from];
      this.records[slot] = records[from];
    }
  }
}
