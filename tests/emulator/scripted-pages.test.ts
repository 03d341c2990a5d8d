import { startEmulator, type Emulator } from "../../src/emulator";
import { callListBackups, fetchPage, numberedBackups } from "./list-backups-client";

const CLUSTER = "c9qscript0000000001";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.setBackups(CLUSTER, numberedBackups(3)));

describe("scriptPages", () => {
  it("serves the bodies by token, as given, bypassing real paging", async () => {
    emulator.scriptPages(CLUSTER, {
      "": { backups: [{ id: "a" }], nextPageToken: "B" },
      B: { nextPageToken: "A-again" },
      "A-again": { backups: [{ id: "a" }], nextPageToken: "B" },
    });
    expect((await callListBackups(emulator, CLUSTER, { pageSize: "500" })).text).toBe(
      '{"backups":[{"id":"a"}],"nextPageToken":"B"}',
    );
    expect(await fetchPage(emulator, CLUSTER, { pageToken: "B" })).toEqual({ nextPageToken: "A-again" });
    expect(await fetchPage(emulator, CLUSTER, { pageToken: "A-again" })).toEqual({
      backups: [{ id: "a" }],
      nextPageToken: "B",
    });
  });

  it("sends a string verbatim, so malformed bodies are possible", async () => {
    emulator.scriptPages(CLUSTER, { "": "[1, 2", other: '"just a string"' });
    const call = await callListBackups(emulator, CLUSTER);
    expect([call.status, call.text]).toEqual([200, "[1, 2"]);
    expect((await callListBackups(emulator, CLUSTER, { pageToken: "other" })).text).toBe('"just a string"');
  });

  it("still checks authentication and the request, and refuses unknown tokens", async () => {
    emulator.scriptPages(CLUSTER, { "": {} });
    expect((await callListBackups(emulator, CLUSTER, {}, { token: null })).status).toBe(401);
    expect((await callListBackups(emulator, CLUSTER, { pageSize: "5000" })).status).toBe(400);
    expect((await callListBackups(emulator, CLUSTER, { pageToken: "never-scripted" })).status).toBe(400);
  });

  it("creates the cluster, and ends when the backups are set again", async () => {
    emulator.scriptPages("c9qscriptnew", { "": { backups: [{ id: "x" }] } });
    expect((await fetchPage(emulator, "c9qscriptnew")).backups).toEqual([{ id: "x" }]);
    emulator.removeCluster("c9qscriptnew");

    emulator.scriptPages(CLUSTER, { "": {} });
    emulator.setBackups(CLUSTER, numberedBackups(2));
    expect((await fetchPage(emulator, CLUSTER)).backups).toHaveLength(2);
  });
});
