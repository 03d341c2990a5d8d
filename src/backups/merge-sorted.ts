/** Merges two sorted arrays into a new sorted one; of equal items, `a`'s come first. */
export function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  const out = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compare(b[j], a[i]) < 0 ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/**
 * Sorted runs kept as a stack whose sizes at least double downwards, the way a binary counter carries:
 * pushing a run merges it with every run not larger than itself. n items in k runs cost O(n log k)
 * comparisons, spread over the pushes, and `sorted()` is left with at most log2(k) runs to merge.
 */
export class SortedRunStack<T> {
  private readonly stack: T[][] = [];

  constructor(private readonly compare: (x: T, y: T) => number) {}

  push(run: T[]): void {
    let top = run;
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].length <= top.length) {
      top = mergeSorted(this.stack.pop()!, top, this.compare);
    }
    this.stack.push(top);
  }

  sorted(): T[] {
    let all: T[] = [];
    for (let i = this.stack.length - 1; i >= 0; i--) all = mergeSorted(this.stack[i], all, this.compare);
    return all;
  }
}
