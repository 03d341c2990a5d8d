/**
 * Sorted runs of record numbers, held end to end in one Int32Array, with their lengths on a stack that at
 * least double downwards, the way a binary counter carries: adding a run merges it with every run not longer
 * than itself. n records in k runs cost O(n log k) comparisons, spread over the additions, and `sorted()` is
 * left with at most log2(k) runs to merge. Merges happen in place, with one scratch buffer for a left run.
 */
export class SortedRunStack {
  private items = new Int32Array(1024);
  private length = 0;
  /** Oldest first; the runs lie end to end in `items`. */
  private readonly runLengths: number[] = [];
  private scratch = new Int32Array(0);

  constructor(private readonly compare: (a: number, b: number) => number) {}

  /** Sorts the records first, first + 1, …, end - 1 and adds them as one run. */
  add(first: number, end: number): void {
    const count = end - first;
    if (count <= 0) return;
    const start = this.length;
    if (start + count > this.items.length) {
      const grown = new Int32Array(Math.max(start + count, this.items.length * 2));
      grown.set(this.items.subarray(0, start));
      this.items = grown;
    }
    for (let i = 0; i < count; i++) this.items[start + i] = first + i;
    this.items.subarray(start, start + count).sort(this.compare);
    this.length += count;
    this.runLengths.push(count);
    const runs = this.runLengths;
    while (runs.length > 1 && runs[runs.length - 2] <= runs[runs.length - 1]) this.mergeTopTwo();
  }

  /** Every record added, in order; of equal records, the one added first comes first. */
  sorted(): Int32Array {
    while (this.runLengths.length > 1) this.mergeTopTwo();
    return this.items.subarray(0, this.length);
  }

  private mergeTopTwo(): void {
    const right = this.runLengths.pop()!;
    const left = this.runLengths.pop()!;
    this.runLengths.push(left + right);
    const { items, compare } = this;
    const end = this.length;
    const mid = end - right;
    // The left run's records that come before the right run's first stay where they are.
    let lo = mid - left;
    let hi = mid;
    const head = items[mid];
    while (lo < hi) {
      const m = (lo + hi) >>> 1;
      if (compare(head, items[m]) < 0) hi = m;
      else lo = m + 1;
    }
    const moved = mid - lo;
    if (moved === 0) return;
    if (this.scratch.length < moved) {
      this.scratch = new Int32Array(Math.max(moved, Math.min(this.scratch.length * 2, end)));
    }
    const scratch = this.scratch;
    scratch.set(items.subarray(lo, mid));
    let i = 0;
    let j = mid;
    let k = lo;
    while (i < moved && j < end) items[k++] = compare(items[j], scratch[i]) < 0 ? items[j++] : scratch[i++];
    while (i < moved) items[k++] = scratch[i++];
  }
}
