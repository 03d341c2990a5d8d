import { mergeSorted, SortedRunStack } from "../../src/backups/merge-sorted";

const byValue = (a: number, b: number) => a - b;

describe("mergeSorted", () => {
  it("merges, keeping the first array's items first among equals", () => {
    expect(mergeSorted([1, 4, 9], [0, 4, 10], byValue)).toEqual([0, 1, 4, 4, 9, 10]);
    expect(mergeSorted([], [1], byValue)).toEqual([1]);
    const a = [{ k: 1, from: "a" }];
    const b = [{ k: 1, from: "b" }];
    expect(mergeSorted(a, b, (x, y) => x.k - y.k).map((x) => x.from)).toEqual(["a", "b"]);
  });
});

describe("SortedRunStack", () => {
  it("agrees with a full sort for runs of any sizes", () => {
    let seed = 42;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 60; round++) {
      const stack = new SortedRunStack<number>(byValue);
      const all: number[] = [];
      const runs = Math.floor(random() * 40);
      for (let r = 0; r < runs; r++) {
        const run = Array.from({ length: Math.floor(random() * 30) }, () => Math.floor(random() * 100)).sort(
          byValue,
        );
        all.push(...run);
        stack.push(run);
      }
      expect(stack.sorted()).toEqual(all.sort(byValue));
    }
  });
});
