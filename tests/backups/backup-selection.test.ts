import { BackupSelection } from "../../src/backups/backup-selection";
import { normalizePage } from "../../src/backups/normalize-page";
import { compareInstants, parseInstant } from "../../src/backups/instant";

interface RawBackup {
  id: string;
  createdAt?: string;
  startedAt?: string;
  databases?: string[];
}

function select(pages: RawBackup[][], filter = {}, limit?: number) {
  const selection = new BackupSelection(filter, limit);
  for (const page of pages) {
    const normalized = normalizePage({ backups: page });
    selection.add(normalized.records, normalized.scanned);
  }
  return selection.finish();
}

const ids = (pages: RawBackup[][], filter = {}, limit?: number) =>
  select(pages, filter, limit).backups.map((b) => b.id);

describe("BackupSelection", () => {
  it("orders newest createdAt first, then newest startedAt, then id ascending", () => {
    const at = "2026-11-28T03:00:00Z";
    expect(
      ids([
        [
          { id: "old", createdAt: "2026-11-27T03:00:00Z" },
          { id: "b", createdAt: at, startedAt: "2026-11-28T02:00:00Z" },
          { id: "a", createdAt: at, startedAt: "2026-11-28T02:00:00Z" },
          { id: "later-start", createdAt: at, startedAt: "2026-11-28T02:30:00Z" },
          { id: "no-start", createdAt: at },
          { id: "new", createdAt: "2026-11-28T04:00:00Z" },
        ],
      ]),
    ).toEqual(["new", "later-start", "a", "b", "no-start", "old"]);
  });

  it("compares at nanosecond precision and across UTC offsets, not as strings", () => {
    expect(
      ids([
        [
          { id: "ns1", createdAt: "2026-11-28T03:00:00.000000001Z" },
          { id: "ns2", createdAt: "2026-11-28T03:00:00.000000002Z" },
          { id: "plain", createdAt: "2026-11-28T03:00:00Z" },
          // 02:59:59.9 UTC: earlier, though its text sorts last.
          { id: "offset", createdAt: "2026-11-28T05:59:59.9+03:00" },
          // 03:00:00.0000000015 does not exist; 03:00:00.5-00:00 is later than all above.
          { id: "half", createdAt: "2026-11-28T03:00:00.5-00:00" },
        ],
      ]),
    ).toEqual(["half", "ns2", "ns1", "plain", "offset"]);
  });

  it("gives the same result for any page split and any server order", () => {
    const all: RawBackup[] = Array.from({ length: 60 }, (_, i) => ({
      id: `b${String(i).padStart(3, "0")}`,
      createdAt: `2026-11-${String(1 + (i % 28)).padStart(2, "0")}T03:00:0${i % 10}.${"1".repeat(1 + (i % 9))}Z`,
      startedAt: `2026-11-01T00:00:${String(i % 60).padStart(2, "0")}Z`,
      databases: i % 2 ? ["orders"] : ["orders", "billing"],
    }));
    const expected = JSON.stringify(select([all]));
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 20; round++) {
      const shuffled = [...all].sort(() => random() - 0.5);
      const pages: RawBackup[][] = [];
      for (let i = 0; i < shuffled.length;) {
        const size = 1 + Math.floor(random() * 13);
        pages.push(shuffled.slice(i, i + size));
        i += size;
      }
      expect(JSON.stringify(select(pages))).toBe(expected);
    }
  });

  it("keeps each id once, whichever page repeats it", () => {
    const twin = { id: "dup", createdAt: "2026-11-28T03:00:00Z", databases: ["x"] };
    const result = select([[twin, { id: "other", createdAt: "2026-11-27T03:00:00Z" }], [twin]]);
    expect(result.backups.map((b) => b.id)).toEqual(["dup", "other"]);
    expect(result.scanned).toBe(3);
  });

  it("keeps the newest record of an id whose records differ, in any order", () => {
    const older = { id: "dup", createdAt: "2026-11-27T03:00:00Z" };
    const newer = { id: "dup", createdAt: "2026-11-28T03:00:00Z" };
    const between = { id: "mid", createdAt: "2026-11-27T12:00:00Z" };
    expect(select([[older, between], [newer]]).backups.map((b) => [b.id, b.createdAt])).toEqual([
      ["dup", "2026-11-28T03:00:00Z"],
      ["mid", "2026-11-27T12:00:00Z"],
    ]);
    expect(JSON.stringify(select([[newer], [between, older]]))).toBe(
      JSON.stringify(select([[older, between], [newer]])),
    );
  });

  it("filters by databases (every one, exact), by createdAt bounds (inclusive) and limits to the newest", () => {
    const page = [
      { id: "a", createdAt: "2026-11-25T03:00:00Z", databases: ["orders", "billing"] },
      { id: "b", createdAt: "2026-11-26T03:00:00Z", databases: ["orders"] },
      { id: "c", createdAt: "2026-11-27T03:00:00Z", databases: ["Orders", "billing"] },
      { id: "d", createdAt: "2026-11-28T03:00:00Z", databases: ["orders", "billing", "audit"] },
    ];
    expect(ids([page], { databases: ["orders", "billing"] })).toEqual(["d", "a"]);
    expect(ids([page], { databases: ["orders"] })).toEqual(["d", "b", "a"]);
    expect(
      ids([page], {
        createdAfter: parseInstant("2026-11-26T03:00:00Z"),
        createdBefore: parseInstant("2026-11-27T06:00:00+03:00"),
      }),
    ).toEqual(["c", "b"]);
    expect(ids([page], {}, 2)).toEqual(["d", "c"]);
    expect(ids([page], { databases: ["orders"] }, 1)).toEqual(["d"]);
    expect(ids([page], { databases: ["nothing"] })).toEqual([]);
  });

  it("keeps the newest record of an id repeated across pages with differing content, within a limit", () => {
    const page1 = [
      { id: "x", createdAt: "2026-11-20T03:00:00Z" },
      { id: "y", createdAt: "2026-11-28T03:00:00Z", databases: ["old"] },
    ];
    const page2 = [
      { id: "y", createdAt: "2026-11-28T03:00:00Z", databases: ["new"] },
      { id: "z", createdAt: "2026-11-21T03:00:00Z" },
      { id: "y", createdAt: "2026-11-29T03:00:00Z", databases: ["newest"] },
    ];
    const picked = (pages: RawBackup[][], limit?: number) =>
      select(pages, {}, limit).backups.map((b) => `${b.id}:${b.databases.join()}`);
    expect(picked([page1, page2])).toEqual(["y:newest", "z:", "x:"]);
    expect(picked([page2, page1])).toEqual(["y:newest", "z:", "x:"]);
    // The superseded records of y sort before z: the limit must not count them.
    expect(picked([page1, page2], 2)).toEqual(["y:newest", "z:"]);
    expect(picked([page2, page1], 1)).toEqual(["y:newest"]);
    expect(select([page1, page2]).scanned).toBe(5);
  });

  it("agrees with sort-then-dedupe for many repeated ids, any page split, order and limit", () => {
    let seed = 11;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    const fractions = ["", ".5", ".000000001"];
    const all: RawBackup[] = Array.from({ length: 400 }, () => ({
      id: `b${Math.floor(random() * 120)}`,
      createdAt: `2026-11-0${pick(["1", "2", "3"])}T03:00:0${pick(["0", "1"])}${pick(fractions)}Z`,
      ...(random() < 0.7 ? { startedAt: `2026-10-01T00:00:0${pick(["0", "1"])}Z` } : {}),
      databases: [pick(["a", "b", "c"])],
    }));
    const canonical = (b: RawBackup) => normalizePage({ backups: [b] }).records.backups[0];
    const startOf = (b: { startedAt?: string }) =>
      b.startedAt ? parseInstant(b.startedAt)! : { day: -1e9, second: 0, nanos: 0 };
    const model = all
      .map(canonical)
      .sort((a, b) => {
        const byTime =
          compareInstants(parseInstant(b.createdAt)!, parseInstant(a.createdAt)!) ||
          compareInstants(startOf(b), startOf(a));
        if (byTime !== 0) return byTime;
        if (a.id !== b.id) return a.id < b.id ? -1 : 1;
        const p = JSON.stringify(a);
        const q = JSON.stringify(b);
        return p < q ? -1 : p > q ? 1 : 0;
      })
      .filter((b, i, sorted) => sorted.findIndex((c) => c.id === b.id) === i);
    for (let round = 0; round < 20; round++) {
      const shuffled = [...all].sort(() => random() - 0.5);
      const pages: RawBackup[][] = [];
      for (let i = 0; i < shuffled.length;) {
        const size = 1 + Math.floor(random() * 60);
        pages.push(shuffled.slice(i, i + size));
        i += size;
      }
      const limit = round % 2 ? 1 + Math.floor(random() * 130) : undefined;
      const result = select(pages, {}, limit);
      expect(JSON.stringify(result.backups)).toBe(JSON.stringify(model.slice(0, limit)));
      expect(result.scanned).toBe(all.length);
    }
  });
});
