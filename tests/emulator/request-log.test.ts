import { randomUUID } from "node:crypto";
import { EMULATOR_TOKEN, startEmulator, type Emulator } from "../../src/emulator";
import { callListBackups, callPath, fetchPage, numberedBackups } from "./list-backups-client";

const CLUSTER = "c9qlog0000000000001";
const OTHER_CLUSTER = "c9qlog0000000000002";
const SECRET = "t1.secretPart.doNotLogThisTokenValue";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({
    tokens: [SECRET],
    clusters: { [CLUSTER]: numberedBackups(12), [OTHER_CLUSTER]: numberedBackups(1) },
  });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.clearRequests();
  emulator.clearFaults();
});

describe("the request log", () => {
  it("records each request's facts, in order", async () => {
    const clientRequestId = randomUUID();
    const before = Date.now();
    const first = await callListBackups(
      emulator,
      CLUSTER,
      { pageSize: "5" },
      { headers: { "x-request-id": clientRequestId } },
    );
    const { nextPageToken } = JSON.parse(first.text) as { nextPageToken: string };
    await callListBackups(emulator, CLUSTER, { pageSize: "5", pageToken: nextPageToken }, { token: "wrong" });

    expect(emulator.requests).toEqual([
      {
        seq: expect.any(Number),
        method: "GET",
        path: `/mdb/sqlserver/v1/clusters/${CLUSTER}/backups`,
        clusterId: CLUSTER,
        pageSize: "5",
        clientRequestId,
        serverRequestId: first.headers.get("x-request-id"),
        authorization: "accepted",
        status: 200,
        at: expect.any(Number),
      },
      {
        seq: expect.any(Number),
        method: "GET",
        path: `/mdb/sqlserver/v1/clusters/${CLUSTER}/backups`,
        clusterId: CLUSTER,
        pageSize: "5",
        pageToken: nextPageToken,
        serverRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        authorization: "rejected",
        status: 401,
        at: expect.any(Number),
      },
    ]);
    const [a, b] = emulator.requests;
    expect(b.seq).toBe(a.seq + 1);
    expect(a.at).toBeGreaterThanOrEqual(before);
  });

  it("notes a missing Authorization header and a fault that fired", async () => {
    emulator.injectFault({ status: 503, retryAfter: 1 });
    await callListBackups(emulator, CLUSTER, {}, { token: null });
    expect(emulator.requests[0]).toMatchObject({
      authorization: "none",
      status: 503,
      fault: "status 503, Retry-After 1",
    });
  });

  it("lists only listBackups requests, optionally for one cluster", async () => {
    await fetchPage(emulator, CLUSTER);
    await fetchPage(emulator, OTHER_CLUSTER);
    await callPath(emulator, "/somewhere/else");
    await callListBackups(emulator, CLUSTER, {}, { method: "POST" });
    await callListBackups(emulator, "c9qnosuchcluster");
    expect(emulator.requests).toHaveLength(5);
    expect(emulator.listRequests().map((r) => r.clusterId)).toEqual([
      CLUSTER,
      OTHER_CLUSTER,
      "c9qnosuchcluster",
    ]);
    expect(emulator.listRequests(CLUSTER)).toHaveLength(1);
    expect(emulator.requests[2]).not.toHaveProperty("clusterId");
  });

  it("records the decoded cluster id", async () => {
    await callListBackups(emulator, "c9q weird/id");
    expect(emulator.requests[0]).toMatchObject({
      path: "/mdb/sqlserver/v1/clusters/c9q%20weird%2Fid/backups",
      clusterId: "c9q weird/id",
      status: 404,
    });
  });

  it("never holds the token", async () => {
    await fetchPage(emulator, CLUSTER);
    await callListBackups(emulator, CLUSTER, {}, { token: EMULATOR_TOKEN });
    const logged = JSON.stringify([emulator.requests, emulator.listRequests()]);
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain("secretPart");
    expect(logged).not.toContain(EMULATOR_TOKEN);
  });

  it("is emptied by clearRequests, while seq keeps counting", async () => {
    await fetchPage(emulator, CLUSTER);
    const seq = emulator.requests[0].seq;
    emulator.clearRequests();
    expect(emulator.requests).toEqual([]);
    await fetchPage(emulator, CLUSTER);
    expect(emulator.requests[0].seq).toBe(seq + 1);
  });
});
