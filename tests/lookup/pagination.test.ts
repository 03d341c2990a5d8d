import { startEmulator, type Emulator } from "../../src/emulator";
import { PaginationError } from "../../src/errors";
import { lookupClusterBackups } from "../../src/lookup/lookup-cluster-backups";
import { rejectionOf } from "../support/capture";
import { expectedIds, orderedBackups } from "../support/fixtures";

const CLUSTER = "c9qpaging";
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 11 });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.clearRequests();
  emulator.clearFaults();
});

const lookup = (extra: Record<string, unknown> = {}) =>
  lookupClusterBackups(
    { clusterId: CLUSTER, endpoint: emulator.url, token: emulator.token, ...extra },
    { env: {} },
  );

describe("reading every page", () => {
  it.each([
    [250, 1],
    [250, 7],
    [250, 1000],
    [1000, 1000],
    [1001, 1000],
    [250, 100],
    [0, 1000],
  ])("lists %i backups at pageSize %i in exactly ceil(N / pageSize) requests", async (count, pageSize) => {
    emulator.setBackups(CLUSTER, orderedBackups(CLUSTER, count));
    const result = await lookup({ pageSize });
    expect(result.ids).toEqual(expectedIds(count));
    expect(result.backups.map((b) => b.id)).toEqual(result.ids);
    expect(result.scanned).toBe(count);
    expect(result.latest).toEqual(result.backups[0]);
    const requests = emulator.listRequests(CLUSTER);
    expect(requests).toHaveLength(Math.max(1, Math.ceil(count / pageSize)));
    expect(requests.every((r) => r.pageSize === String(pageSize))).toBe(true);
  });

  it("gives the same result, byte for byte, whatever the server order and page split", async () => {
    const backups = orderedBackups(CLUSTER, 123);
    const outputs = new Set<string>();
    for (const seed of [1, 2, 3]) {
      const other = await startEmulator({ seed, clusters: { [CLUSTER]: backups } });
      try {
        for (const pageSize of [1, 10, 1000]) {
          outputs.add(
            JSON.stringify(
              await lookupClusterBackups(
                { clusterId: CLUSTER, endpoint: other.url, token: other.token, pageSize },
                { env: {} },
              ),
            ),
          );
        }
        // The server really does not list newest first.
        const firstPage = (await (
          await fetch(`${other.url}/mdb/sqlserver/v1/clusters/${CLUSTER}/backups?pageSize=5`, {
            headers: { Authorization: `Bearer ${other.token}` },
          })
        ).json()) as { backups: { id: string }[] };
        expect(firstPage.backups.map((b) => b.id)).not.toEqual(expectedIds(123).slice(0, 5));
      } finally {
        await other.close();
      }
    }
    expect(outputs.size).toBe(1);
  });

  it("follows empty pages that carry a token", async () => {
    const [a, b, c] = orderedBackups(CLUSTER, 3);
    emulator.scriptPages(CLUSTER, {
      "": { nextPageToken: "t1" },
      t1: { backups: [a], nextPageToken: "t2" },
      t2: { backups: [], nextPageToken: "t3" },
      t3: { nextPageToken: "t4" },
      t4: { backups: [c, b], nextPageToken: "" },
    });
    const result = await lookup();
    expect(result.ids).toEqual(expectedIds(3));
    expect(emulator.listRequests(CLUSTER).map((r) => r.pageToken ?? "")).toEqual([
      "",
      "t1",
      "t2",
      "t3",
      "t4",
    ]);
  });

  it.each([
    ["A→B→A", { "": { nextPageToken: "A" }, A: { nextPageToken: "B" }, B: { nextPageToken: "A" } }, 3, 1],
    [
      "A→B→C→A",
      {
        "": { nextPageToken: "A" },
        A: { nextPageToken: "B" },
        B: { nextPageToken: "C" },
        C: { nextPageToken: "A" },
      },
      4,
      1,
    ],
    ["A→A", { "": { nextPageToken: "A" }, A: { nextPageToken: "A" } }, 2, 1],
  ])("stops a token cycle %s with a PaginationError and no result", async (_name, pages, page, earlier) => {
    emulator.scriptPages(CLUSTER, pages);
    const error = await rejectionOf(lookup());
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ reason: "repeated-token", page, clusterId: CLUSTER });
    expect((error as Error).message).toContain(`same nextPageToken as page ${earlier}`);
    expect(emulator.listRequests(CLUSTER)).toHaveLength(page);
  });

  it("refuses a listing longer than maxPages, after reading exactly maxPages pages", async () => {
    emulator.setBackups(CLUSTER, orderedBackups(CLUSTER, 5));
    const error = await rejectionOf(lookup({ pageSize: 1, maxPages: 4 }));
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ reason: "max-pages", page: 4 });
    expect(emulator.listRequests(CLUSTER)).toHaveLength(4);

    emulator.clearRequests();
    const whole = await lookup({ pageSize: 1, maxPages: 5 });
    expect(whole.ids).toEqual(expectedIds(5));
    expect(emulator.listRequests(CLUSTER)).toHaveLength(5);
  });

  it("sees a backup added after an earlier lookup", async () => {
    emulator.setBackups(CLUSTER, orderedBackups(CLUSTER, 3));
    expect((await lookup()).latest?.id).toBe("bk-00002");
    emulator.addBackup(CLUSTER, { id: "newest", createdAt: "2030-01-01T00:00:00Z" });
    expect((await lookup()).latest?.id).toBe("newest");
  });

  it("sends a fresh x-request-id with every request", async () => {
    emulator.setBackups(CLUSTER, orderedBackups(CLUSTER, 10));
    await lookup({ pageSize: 3 });
    const ids = emulator.listRequests(CLUSTER).map((r) => r.clientRequestId);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
