import { normalizePage, PageShapeError, readNextPageToken } from "../../src/backups/normalize-page";

function shapeProblem(body: unknown): { field: string; problem: string } {
  try {
    normalizePage(body);
  } catch (error) {
    if (error instanceof PageShapeError) return { field: error.field, problem: error.problem };
    throw error;
  }
  throw new Error("expected a PageShapeError");
}

describe("normalizePage", () => {
  it("fills proto3's omitted fields with their defaults and keeps a fixed key order", () => {
    const page = normalizePage({
      backups: [{ databases: ["a"], createdAt: "2026-11-28T03:00:00Z", id: "b1", extra: 1 }],
    });
    expect(page.scanned).toBe(1);
    expect(JSON.stringify(page.records.backups[0])).toBe(
      '{"id":"b1","folderId":"","createdAt":"2026-11-28T03:00:00Z","sourceClusterId":"","startedAt":"","databases":["a"]}',
    );
  });

  it("reads a missing startedAt as earlier than any real one", () => {
    const createdAt = "2026-11-28T03:00:00Z";
    const { records } = normalizePage({
      backups: [
        { id: "a", createdAt },
        { id: "b", createdAt, startedAt: "0001-01-01T00:00:00Z" },
      ],
    });
    expect(records.compare(1, 0)).toBeLessThan(0);
    expect(records.compare(0, 1)).toBeGreaterThan(0);
  });

  it("returns a record with exactly the documented fields, in their order, as it is", () => {
    const record = {
      id: "b",
      folderId: "f",
      createdAt: "2026-11-28T03:00:00Z",
      sourceClusterId: "c",
      startedAt: "2026-11-28T02:00:00Z",
      databases: ["a"],
    };
    expect(normalizePage({ backups: [record] }).records.backups[0]).toBe(record);
    const reordered = {
      folderId: "f",
      id: "b",
      createdAt: "2026-11-28T03:00:00Z",
      sourceClusterId: "c",
      startedAt: "2026-11-28T02:00:00Z",
      databases: ["a"],
    };
    const copy = normalizePage({ backups: [reordered] }).records.backups[0];
    expect(copy).not.toBe(reordered);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(record));
  });

  it("copies a record in documented order whose fields hold nulls, reading them as empty", () => {
    const record = {
      id: "b",
      folderId: null,
      createdAt: "2026-11-28T03:00:00Z",
      sourceClusterId: null,
      startedAt: null,
      databases: null,
    };
    expect(JSON.stringify(normalizePage({ backups: [record] }).records.backups[0])).toBe(
      '{"id":"b","folderId":"","createdAt":"2026-11-28T03:00:00Z","sourceClusterId":"","startedAt":"","databases":[]}',
    );
  });

  it("reads a missing or null backups array as an empty page", () => {
    for (const body of [{}, { backups: null, nextPageToken: "x" }]) {
      const page = normalizePage(body);
      expect([page.records.length, page.scanned]).toEqual([0, 0]);
    }
  });

  it("counts unfinished backups as scanned but leaves them out", () => {
    const page = normalizePage({
      backups: [
        { id: "running", startedAt: "2026-11-28T03:00:00Z" },
        { id: "done", createdAt: "2026-11-28T03:10:00Z" },
      ],
    });
    expect(page.scanned).toBe(2);
    expect(page.records.backups.map((b) => b.id)).toEqual(["done"]);
  });

  it.each([
    [null, "(body)", "is null, not a JSON object"],
    [[], "(body)", "is an array, not a JSON object"],
    [{ backups: {} }, "backups", "is an object, not an array"],
    [{ backups: ["x"] }, "backups[0]", "is a string, not an object"],
    [{ backups: [{ createdAt: "2026-11-28T03:00:00Z" }] }, "backups[0].id", "is missing"],
    [{ backups: [{ id: 7 }] }, "backups[0].id", "is a number, not a string"],
    [
      { backups: [{ id: "a" }, { id: "b", createdAt: "yesterday" }] },
      "backups[1].createdAt",
      'is not an RFC 3339 timestamp: "yesterday"',
    ],
    [
      { backups: [{ id: "a", startedAt: "2026-11-28" }] },
      "backups[0].startedAt",
      'is not an RFC 3339 timestamp: "2026-11-28"',
    ],
    [{ backups: [{ id: "a", folderId: {} }] }, "backups[0].folderId", "is an object, not a string"],
    [{ backups: [{ id: "a", databases: "orders" }] }, "backups[0].databases", "is a string, not an array"],
    [
      { backups: [{ id: "a", databases: ["orders", 3] }] },
      "backups[0].databases[1]",
      "is a number, not a string",
    ],
  ])("names the bad field of %j", (body, field, problem) => {
    expect(shapeProblem(body)).toEqual({ field, problem });
  });
});

describe("readNextPageToken", () => {
  it("treats absent, null and empty tokens as the last page", () => {
    expect(readNextPageToken({})).toBeUndefined();
    expect(readNextPageToken({ nextPageToken: null })).toBeUndefined();
    expect(readNextPageToken({ nextPageToken: "" })).toBeUndefined();
    expect(readNextPageToken({ nextPageToken: "abc" })).toBe("abc");
  });

  it("refuses a token that is not a string", () => {
    expect(() => readNextPageToken({ nextPageToken: 5 })).toThrow(PageShapeError);
    expect(() => readNextPageToken("text")).toThrow("(body) is a string, not a JSON object");
  });
});
