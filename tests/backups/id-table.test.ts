import { hashId, IdTable } from "../../src/backups/id-table";

function tableOf(ids: string[], capacity?: number, hash?: (id: string) => number) {
  return new IdTable((record) => ids[record], capacity, hash);
}

describe("hashId", () => {
  it("is a deterministic int32 that tells similar ids apart", () => {
    expect(hashId("backup-1")).toBe(hashId("backup-1"));
    expect(hashId("backup-1") | 0).toBe(hashId("backup-1"));
    const hashes = new Set(Array.from({ length: 10000 }, (_, i) => hashId(`backup-${i}`)));
    expect(hashes.size).toBe(10000);
    const lowBits = new Set(Array.from({ length: 1024 }, (_, i) => hashId(`backup-${i}`) & 1023));
    expect(lowBits.size).toBeGreaterThan(600);
  });
});

describe("IdTable", () => {
  it("maps ids to records and says which record an id had before", () => {
    const ids = ["a", "b", "a"];
    const table = tableOf(ids);
    expect(table.put("a", 0)).toBe(-1);
    expect(table.put("b", 1)).toBe(-1);
    expect(table.get("a")).toBe(0);
    expect(table.put("a", 2)).toBe(0);
    expect(table.get("a")).toBe(2);
    expect(table.get("b")).toBe(1);
    expect(table.get("c")).toBe(-1);
  });

  it("tells ids apart by their text when every hash collides", () => {
    const ids = Array.from({ length: 50 }, (_, i) => `id${i}`);
    const table = tableOf(ids, 2, () => 7);
    ids.forEach((id, record) => expect(table.put(id, record)).toBe(-1));
    ids.forEach((id, record) => expect(table.get(id)).toBe(record));
    expect(table.get("id50")).toBe(-1);
    expect(table.put("id3", 3)).toBe(3);
  });

  it("keeps every id through growth from a tiny capacity, negative hashes included", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `backup-${i}`);
    const table = tableOf(ids, 1);
    ids.forEach((id, record) => table.put(id, record));
    ids.forEach((id, record) => expect(table.get(id)).toBe(record));
    const negative = tableOf(ids, 1, (id) => -1 - Number(id.slice(7)));
    ids.forEach((id, record) => negative.put(id, record));
    ids.forEach((id, record) => expect(negative.get(id)).toBe(record));
    expect(negative.get("backup-5000")).toBe(-1);
  });
});
