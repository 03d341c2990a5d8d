import { SortedRunStack } from "../../src/backups/sorted-run-stack";

/** Adds runs of the given sizes over `values`, records numbered in order; returns the values sorted. */
function sortInRuns(values: number[], sizes: number[]): number[] {
  const stack = new SortedRunStack((a, b) => values[a] - values[b]);
  let first = 0;
  for (const size of sizes) {
    stack.add(first, first + size);
    first += size;
  }
  return Array.from(stack.sorted(), (record) => values[record]);
}

describe("SortedRunStack", () => {
  it("agrees with a full sort for runs of any sizes", () => {
    let seed = 42;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 60; round++) {
      const sizes = Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 30));
      const values = Array.from({ length: sizes.reduce((a, b) => a + b, 0) }, () =>
        Math.floor(random() * 100),
      );
      expect(sortInRuns(values, sizes)).toEqual([...values].sort((a, b) => a - b));
    }
  });

  it("merges runs that arrive in order, in reverse order and interleaved", () => {
    const ascending = Array.from({ length: 3000 }, (_, i) => i);
    const sizes = [1000, 1000, 500, 300, 200];
    expect(sortInRuns(ascending, sizes)).toEqual(ascending);
    expect(sortInRuns([...ascending].reverse(), sizes)).toEqual(ascending);
    const interleaved = ascending.map((i) => (i % 1000) * 3 + Math.floor(i / 1000));
    expect(sortInRuns(interleaved, sizes)).toEqual(ascending);
  });

  it("keeps records added first first among equals", () => {
    const values = [5, 1, 5, 1, 5, 1, 5];
    const stack = new SortedRunStack((a, b) => values[a] - values[b]);
    stack.add(0, 2);
    stack.add(2, 3);
    stack.add(3, 7);
    expect(Array.from(stack.sorted())).toEqual([1, 3, 5, 0, 2, 4, 6]);
  });

  it("is empty with no runs, or only empty ones", () => {
    const stack = new SortedRunStack((a, b) => a - b);
    expect(stack.sorted()).toHaveLength(0);
    stack.add(4, 4);
    expect(stack.sorted()).toHaveLength(0);
  });
});
