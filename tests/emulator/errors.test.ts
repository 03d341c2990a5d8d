import { randomUUID } from "node:crypto";
import { startEmulator, type Emulator } from "../../src/emulator";
import {
  backupsPath,
  callListBackups,
  callPath,
  fetchPage,
  numberedBackups,
  type ListBackupsCall,
} from "./list-backups-client";

const CLUSTER = "c9qerrors0000000001";
const OTHER_CLUSTER = "c9qerrors0000000002";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({
    clusters: { [CLUSTER]: numberedBackups(30), [OTHER_CLUSTER]: numberedBackups(30) },
  });
});
afterAll(() => emulator.close());

function expectStatusJson(call: ListBackupsCall, status: number, grpcCode: number): void {
  expect(call.status).toBe(status);
  expect(call.headers.get("content-type")).toBe("application/json");
  const requestId = call.headers.get("x-request-id");
  expect(requestId).toMatch(UUID);
  expect(call.headers.get("x-server-trace-id")).toBeTruthy();
  expect(JSON.parse(call.text)).toEqual({
    code: grpcCode,
    message: expect.any(String),
    details: [{ "@type": "type.googleapis.com/google.rpc.RequestInfo", requestId }],
  });
}

describe("401 UNAUTHENTICATED", () => {
  it("without an Authorization header", async () => {
    expectStatusJson(await callListBackups(emulator, CLUSTER, {}, { token: null }), 401, 16);
  });

  it("with a token that is not accepted", async () => {
    expectStatusJson(await callListBackups(emulator, CLUSTER, {}, { token: "t1.wrong.token" }), 401, 16);
  });

  it("with the right token but not as a bearer token", async () => {
    const call = await callListBackups(
      emulator,
      CLUSTER,
      {},
      { token: null, headers: { authorization: emulator.token } },
    );
    expectStatusJson(call, 401, 16);
  });

  it("before looking the cluster up or validating the request", async () => {
    expectStatusJson(await callListBackups(emulator, "c9qnosuchcluster", {}, { token: "nope" }), 401, 16);
    expectStatusJson(await callListBackups(emulator, CLUSTER, { pageSize: "x" }, { token: null }), 401, 16);
  });

  it("accepts any of several configured tokens", async () => {
    const other = await startEmulator({
      tokens: ["first-token", "second-token"],
      clusters: { [CLUSTER]: [] },
    });
    try {
      expect(other.token).toBe("first-token");
      expect((await callListBackups(other, CLUSTER, {}, { token: "second-token" })).status).toBe(200);
      expect((await callListBackups(other, CLUSTER)).status).toBe(200);
      expect((await callListBackups(other, CLUSTER, {}, { token: emulator.token })).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe("400 INVALID_ARGUMENT", () => {
  it("for a clusterId longer than 50 characters", async () => {
    expectStatusJson(await callListBackups(emulator, "c".repeat(51)), 400, 3);
    expectStatusJson(await callListBackups(emulator, "c".repeat(50)), 404, 5);
  });

  it.each(["-1", "abc", "1.5", "1001", "1e2", "", " 5", "99999999999999999999"])(
    "for pageSize=%j",
    async (pageSize) => {
      expectStatusJson(await callListBackups(emulator, CLUSTER, { pageSize }), 400, 3);
    },
  );

  it("accepts pageSize 1000 and a leading zero", async () => {
    expect((await callListBackups(emulator, CLUSTER, { pageSize: "1000" })).status).toBe(200);
    expect((await fetchPage(emulator, CLUSTER, { pageSize: "007" })).backups).toHaveLength(7);
  });

  it("for a repeated pageSize", async () => {
    const call = await callPath(emulator, `${backupsPath(CLUSTER)}?pageSize=1&pageSize=2`);
    expectStatusJson(call, 400, 3);
  });

  it("for a pageToken longer than 100 characters", async () => {
    expectStatusJson(await callListBackups(emulator, CLUSTER, { pageToken: "a".repeat(101) }), 400, 3);
  });

  it("for a pageToken the server never issued", async () => {
    expectStatusJson(await callListBackups(emulator, CLUSTER, { pageToken: "a".repeat(100) }), 400, 3);
  });

  it("for a pageToken issued for another cluster", async () => {
    const { nextPageToken } = await fetchPage(emulator, OTHER_CLUSTER, { pageSize: "5" });
    expect(nextPageToken).toBeDefined();
    expectStatusJson(await callListBackups(emulator, CLUSTER, { pageToken: nextPageToken ?? "" }), 400, 3);
  });

  it("checks the token length before the cluster exists", async () => {
    expectStatusJson(
      await callListBackups(emulator, "c9qnosuchcluster", { pageToken: "a".repeat(101) }),
      400,
      3,
    );
  });
});

describe("404 NOT_FOUND", () => {
  it("for an unknown cluster, naming it", async () => {
    const call = await callListBackups(emulator, "c9qnosuchcluster");
    expectStatusJson(call, 404, 5);
    expect((JSON.parse(call.text) as { message: string }).message).toContain("c9qnosuchcluster");
  });

  it.each([
    "/",
    "/mdb/sqlserver/v1/clusters",
    `/mdb/sqlserver/v1/clusters/${CLUSTER}`,
    `/mdb/sqlserver/v1/clusters/${CLUSTER}/backups/`,
    `/mdb/postgresql/v1/clusters/${CLUSTER}/backups`,
    "/mdb/sqlserver/v1/clusters//backups",
  ])("for the unknown path %s", async (path) => {
    expectStatusJson(await callPath(emulator, path), 404, 5);
  });
});

describe("501 UNIMPLEMENTED", () => {
  it.each(["POST", "PUT", "DELETE", "PATCH"])("for %s on the list path", async (method) => {
    expectStatusJson(await callListBackups(emulator, CLUSTER, {}, { method }), 501, 12);
  });
});

describe("headers on every response", () => {
  it("carry a fresh server request id, not the client's", async () => {
    const clientRequestId = randomUUID();
    const first = await callListBackups(
      emulator,
      CLUSTER,
      {},
      { headers: { "x-request-id": clientRequestId } },
    );
    const second = await callListBackups(
      emulator,
      CLUSTER,
      {},
      { headers: { "x-request-id": clientRequestId } },
    );
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/json");
    for (const call of [first, second]) {
      expect(call.headers.get("x-request-id")).toMatch(UUID);
      expect(call.headers.get("x-request-id")).not.toBe(clientRequestId);
      expect(call.headers.get("x-server-trace-id")).toBeTruthy();
    }
    expect(first.headers.get("x-request-id")).not.toBe(second.headers.get("x-request-id"));
  });
});
