import { startEmulator, type Emulator } from "../../src/emulator";
import { callListBackups, fetchPage } from "./list-backups-client";

const CLUSTER = "c9qproto30000000001";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
afterEach(() => emulator.removeCluster(CLUSTER));

describe("proto3 JSON", () => {
  it("omits empty strings, empty arrays and nulls inside a backup", async () => {
    emulator.setBackups(CLUSTER, [
      { id: "running", folderId: "", createdAt: undefined, startedAt: "2026-11-16T03:00:04Z", databases: [] },
      { id: "nulls", sourceClusterId: null as unknown as string, note: "", tags: [] },
    ]);
    const backups = (await fetchPage(emulator, CLUSTER)).backups ?? [];
    expect(backups.find((b) => b.id === "running")).toStrictEqual({
      id: "running",
      startedAt: "2026-11-16T03:00:04Z",
    });
    expect(backups.find((b) => b.id === "nulls")).toStrictEqual({ id: "nulls" });
  });

  it("writes documented fields in proto order, then any extra fields as seeded", async () => {
    emulator.setBackups(CLUSTER, [
      {
        databases: ["orders"],
        size: "1024",
        startedAt: "2026-11-16T03:00:04Z",
        id: "full",
        status: { state: "DONE" },
        createdAt: "2026-11-16T03:07:00.123456789+03:00",
        sourceClusterId: CLUSTER,
        folderId: "b1gfolder",
      },
    ]);
    const call = await callListBackups(emulator, CLUSTER);
    expect(call.text).toBe(
      `{"backups":[{"id":"full","folderId":"b1gfolder","createdAt":"2026-11-16T03:07:00.123456789+03:00",` +
        `"sourceClusterId":"${CLUSTER}","startedAt":"2026-11-16T03:00:04Z","databases":["orders"],` +
        `"size":"1024","status":{"state":"DONE"}}]}`,
    );
  });

  it("omits nextPageToken on the last page and backups on an empty page", async () => {
    emulator.setBackups(CLUSTER, [{ id: "only" }]);
    expect((await callListBackups(emulator, CLUSTER)).text).toBe('{"backups":[{"id":"only"}]}');
    emulator.setBackups(CLUSTER, []);
    expect((await callListBackups(emulator, CLUSTER)).text).toBe("{}");
  });

  it("keeps a seeded backup unaffected by later changes to the caller's object", async () => {
    const backup = { id: "mine", databases: ["orders"] };
    emulator.setBackups(CLUSTER, [backup]);
    backup.databases.push("billing");
    expect((await fetchPage(emulator, CLUSTER)).backups).toEqual([{ id: "mine", databases: ["orders"] }]);
  });

  it("refuses a backup without an id", () => {
    expect(() => emulator.addBackup(CLUSTER, { id: "" })).toThrow(TypeError);
  });
});
