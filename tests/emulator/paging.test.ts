import { startEmulator, type Emulator } from "../../src/emulator";
import { callListBackups, fetchPage, numberedBackups, pageThrough } from "./list-backups-client";

const CLUSTER = "c9qpaging0000000001";
const BACKUPS = numberedBackups(250);
const ALL_IDS = BACKUPS.map((backup) => backup.id);

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ clusters: { [CLUSTER]: BACKUPS } });
});
afterAll(() => emulator.close());

describe("paging through 250 backups", () => {
  it("gives pages of 100 by default, every backup once, and no token on the last page", async () => {
    const pages = await pageThrough(emulator, CLUSTER);
    expect(pages.map((page) => page.length)).toEqual([100, 100, 50]);
    expect(pages.flat().sort()).toEqual(ALL_IDS);
  });

  it.each([1, 7, 1000])("gives every backup exactly once at pageSize %i", async (pageSize) => {
    const pages = await pageThrough(emulator, CLUSTER, pageSize);
    expect(pages).toHaveLength(Math.ceil(250 / pageSize));
    expect(pages.slice(0, -1).every((page) => page.length === pageSize)).toBe(true);
    expect(pages.flat().sort()).toEqual(ALL_IDS);
  });

  it("treats pageSize=0 as the default page size", async () => {
    const page = await fetchPage(emulator, CLUSTER, { pageSize: "0" });
    expect(page.backups).toHaveLength(100);
  });

  it("serves the same page for a reused token, and the same token for a repeated request", async () => {
    const first = await callListBackups(emulator, CLUSTER, { pageSize: "7" });
    const again = await callListBackups(emulator, CLUSTER, { pageSize: "7" });
    expect(again.text).toBe(first.text);
    const { nextPageToken } = JSON.parse(first.text) as { nextPageToken: string };
    expect(nextPageToken.length).toBeLessThanOrEqual(100);
    const second = await callListBackups(emulator, CLUSTER, { pageSize: "7", pageToken: nextPageToken });
    const retried = await callListBackups(emulator, CLUSTER, { pageSize: "7", pageToken: nextPageToken });
    expect(second.status).toBe(200);
    expect(retried.text).toBe(second.text);
    expect(second.text).not.toBe(first.text);
  });
});

describe("server order", () => {
  it("is neither insertion order nor newest first", async () => {
    const ids = (await pageThrough(emulator, CLUSTER, 1000)).flat();
    expect(ids).not.toEqual(ALL_IDS);
    expect(ids).not.toEqual([...ALL_IDS].reverse());
  });

  it("is the same for the same seed and different for another", async () => {
    const orders: string[][] = [];
    for (const seed of [5, 5, 6]) {
      const other = await startEmulator({ seed, clusters: { [CLUSTER]: BACKUPS } });
      try {
        orders.push((await pageThrough(other, CLUSTER, 1000)).flat());
      } finally {
        await other.close();
      }
    }
    expect(orders[1]).toEqual(orders[0]);
    expect(orders[2]).not.toEqual(orders[0]);
  });

  it("does not depend on the order backups were given in", async () => {
    const other = await startEmulator({ clusters: { [CLUSTER]: [...BACKUPS].reverse() } });
    try {
      expect(await pageThrough(other, CLUSTER, 1000)).toEqual(await pageThrough(emulator, CLUSTER, 1000));
    } finally {
      await other.close();
    }
  });
});

describe("changing backups while running", () => {
  const cluster = "c9qchanging00000001";

  afterEach(() => emulator.removeCluster(cluster));

  it("shows a backup added after start, leaving the others in their order", async () => {
    emulator.addCluster(cluster, numberedBackups(20));
    const before = (await pageThrough(emulator, cluster, 1000)).flat();
    emulator.addBackup(cluster, { id: "added-later", createdAt: "2030-01-01T00:00:00Z" });
    const after = (await pageThrough(emulator, cluster, 1000)).flat();
    expect(after).toHaveLength(21);
    expect(after).toContain("added-later");
    expect(after.filter((id) => id !== "added-later")).toEqual(before);
  });

  it("replaces a backup added again with the same id", async () => {
    emulator.addCluster(cluster, [{ id: "same", createdAt: "2026-01-01T00:00:00Z" }]);
    emulator.addBackup(cluster, { id: "same", createdAt: "2026-02-02T00:00:00Z" });
    expect((await fetchPage(emulator, cluster)).backups).toEqual([
      { id: "same", createdAt: "2026-02-02T00:00:00Z" },
    ]);
  });

  it("answers an empty cluster with {}", async () => {
    emulator.addCluster(cluster);
    const call = await callListBackups(emulator, cluster);
    expect(call.status).toBe(200);
    expect(call.text).toBe("{}");
  });

  it("invalidates a cluster's tokens when its backups are replaced", async () => {
    emulator.setBackups(cluster, numberedBackups(5));
    const { nextPageToken } = await fetchPage(emulator, cluster, { pageSize: "2" });
    emulator.setBackups(cluster, numberedBackups(6));
    const call = await callListBackups(emulator, cluster, { pageSize: "2", pageToken: nextPageToken ?? "" });
    expect(call.status).toBe(400);
  });

  it("makes a removed cluster unknown", async () => {
    emulator.addCluster(cluster, numberedBackups(1));
    emulator.removeCluster(cluster);
    expect((await callListBackups(emulator, cluster)).status).toBe(404);
  });
});

describe("options", () => {
  it("uses defaultPageSize when a request gives none", async () => {
    const other = await startEmulator({ defaultPageSize: 40, clusters: { [CLUSTER]: BACKUPS } });
    try {
      expect((await pageThrough(other, CLUSTER)).map((page) => page.length)).toEqual([
        40, 40, 40, 40, 40, 40, 10,
      ]);
    } finally {
      await other.close();
    }
  });

  it("delays every response by the latency, which can change after start", async () => {
    const other = await startEmulator({ latencyMs: 60, clusters: { [CLUSTER]: BACKUPS } });
    try {
      let started = Date.now();
      await fetchPage(other, CLUSTER);
      expect(Date.now() - started).toBeGreaterThanOrEqual(55);
      other.setLatency(0);
      started = Date.now();
      await fetchPage(other, CLUSTER);
      expect(Date.now() - started).toBeLessThan(55);
    } finally {
      await other.close();
    }
  });

  it("refuses a host that is not loopback", async () => {
    await expect(startEmulator({ host: "0.0.0.0" })).rejects.toThrow(/loopback/);
  });

  it("closes promptly with keep-alive connections open", async () => {
    const other = await startEmulator({ clusters: { [CLUSTER]: BACKUPS } });
    await fetchPage(other, CLUSTER);
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
