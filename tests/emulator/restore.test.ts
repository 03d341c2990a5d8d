import { RESTORE_CLUSTER_PATH, startEmulator, type Emulator, type EmulatorBackup } from "../../src/emulator";
import {
  callRestore,
  callWithBody,
  clusterPath,
  getOperation,
  operationPath,
  restoreCluster,
  waitForOperation,
} from "./restore-client";

const CLUSTER = "c9qrestore000000001";
const FOLDER = "b1grestorefolder0001";
const PRECISE = "c9qrestore000000001:precise";
const OFFSET = "c9qrestore000000001:offset";
const RUNNING = "c9qrestore000000001:running";
const SECRET = "t1.restoreSecret.doNotLogThisTokenValue";
const DURATION_MS = 120;
const MDB_ID = /^mdb[a-z0-9]{17}$/;
const SQLSERVER = "type.googleapis.com/yandex.cloud.mdb.sqlserver.v1";

const BACKUPS: EmulatorBackup[] = [
  {
    id: PRECISE,
    folderId: FOLDER,
    createdAt: "2026-11-20T03:07:41.123456789Z",
    startedAt: "2026-11-20T03:00:00Z",
  },
  // 03:00:00Z written in Moscow time: a plain string comparison gets it wrong.
  { id: OFFSET, folderId: FOLDER, createdAt: "2026-11-21T06:00:00+03:00", startedAt: "2026-11-21T02:55:00Z" },
  { id: RUNNING, folderId: FOLDER, startedAt: "2026-11-22T03:00:00Z" },
];

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({
    tokens: [SECRET],
    clusters: { [CLUSTER]: BACKUPS },
    operationDurationMs: DURATION_MS,
  });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.clearFaults();
  emulator.clearRequests();
  emulator.setOperationDuration(DURATION_MS);
});

function validBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { backupId: PRECISE, time: "2026-11-20T04:00:00Z", name: "restored-orders", ...overrides };
}

function errorOf(text: string): { code: number; message: string; details: { requestId: string }[] } {
  return JSON.parse(text) as { code: number; message: string; details: { requestId: string }[] };
}

function restoredIds(): string[] {
  return emulator.restoredClusters().map((cluster) => cluster.id);
}

async function restoredAndRunning(overrides: Record<string, unknown> = {}): Promise<string> {
  const operation = await restoreCluster(emulator, validBody(overrides));
  await waitForOperation(emulator, operation.id);
  return operation.metadata.clusterId;
}

describe("POST /mdb/sqlserver/v1/clusters:restore", () => {
  it("starts an operation that is polled to done, leaving a RUNNING cluster", async () => {
    const before = Date.now();
    const call = await callRestore(emulator, validBody());
    expect(call.status).toBe(200);
    expect(call.headers.get("content-type")).toBe("application/json");
    const started = JSON.parse(call.text) as Record<string, unknown>;
    expect(started).toEqual({
      id: expect.stringMatching(MDB_ID),
      description: "Create new SQL Server cluster from backup",
      createdAt: expect.any(String),
      createdBy: "emulator",
      modifiedAt: expect.any(String),
      done: false,
      metadata: {
        "@type": `${SQLSERVER}.RestoreClusterMetadata`,
        clusterId: expect.stringMatching(MDB_ID),
        backupId: PRECISE,
      },
    });
    const operationId = started.id as string;
    const { clusterId } = started.metadata as { clusterId: string };
    expect(Date.parse(started.createdAt as string)).toBeGreaterThanOrEqual(before - 1);
    expect(Object.keys(started)).toEqual([
      "id",
      "description",
      "createdAt",
      "createdBy",
      "modifiedAt",
      "done",
      "metadata",
    ]);

    const creating = emulator.restoredClusters().find((cluster) => cluster.id === clusterId);
    expect(creating).toEqual({
      id: clusterId,
      name: "restored-orders",
      backupId: PRECISE,
      time: "2026-11-20T04:00:00Z",
      folderId: FOLDER,
      status: "CREATING",
      createdAt: started.createdAt,
    });
    expect(emulator.operations()).toContainEqual({
      id: operationId,
      kind: "restore",
      done: false,
      clusterId,
    });
    const whileCreating = await callWithBody(emulator, "GET", clusterPath(clusterId));
    expect(JSON.parse(whileCreating.text)).toMatchObject({ id: clusterId, status: "CREATING" });

    const { operation, polls } = await waitForOperation(emulator, operationId);
    expect(polls).toBeGreaterThan(1);
    expect(Date.now() - before).toBeGreaterThanOrEqual(DURATION_MS - 5);
    expect(operation).toEqual({
      ...started,
      modifiedAt: expect.any(String),
      done: true,
      response: {
        "@type": `${SQLSERVER}.Cluster`,
        id: clusterId,
        folderId: FOLDER,
        createdAt: started.createdAt,
        name: "restored-orders",
        environment: "PRODUCTION",
        health: "ALIVE",
        status: "RUNNING",
      },
    });
    expect(Date.parse(operation.modifiedAt) - Date.parse(operation.createdAt)).toBe(DURATION_MS);
    expect(emulator.restoredClusters().find((cluster) => cluster.id === clusterId)?.status).toBe("RUNNING");
    expect(emulator.operations()).toContainEqual({ id: operationId, kind: "restore", done: true, clusterId });
  });

  it("keeps the optional fields it was given and shows them on the cluster", async () => {
    const clusterId = await restoredAndRunning({
      name: "With_Everything-1",
      description: "restored for the audit",
      labels: { team: "billing" },
      environment: "PRESTABLE",
      configSpec: {
        version: "2019ent",
        resources: { resourcePresetId: "s2.small", diskSize: "21474836480" },
      },
      hostSpecs: [{ zoneId: "ru-central1-a" }],
      networkId: "enpnetwork0000000001",
      folderId: "b1gotherfolder000001",
      securityGroupIds: ["enpsecgroup000000001"],
      deletionProtection: false,
      hostGroupIds: [],
      serviceAccountId: "ajeserviceaccount001",
    });
    const call = await callWithBody(emulator, "GET", clusterPath(clusterId));
    expect(call.status).toBe(200);
    expect(JSON.parse(call.text)).toEqual({
      id: clusterId,
      folderId: "b1gotherfolder000001",
      createdAt: expect.any(String),
      name: "With_Everything-1",
      description: "restored for the audit",
      labels: { team: "billing" },
      environment: "PRESTABLE",
      config: { version: "2019ent", resources: { resourcePresetId: "s2.small", diskSize: "21474836480" } },
      networkId: "enpnetwork0000000001",
      health: "ALIVE",
      status: "RUNNING",
      securityGroupIds: ["enpsecgroup000000001"],
      serviceAccountId: "ajeserviceaccount001",
    });
    expect(emulator.restoredClusters().find((cluster) => cluster.id === clusterId)?.folderId).toBe(
      "b1gotherfolder000001",
    );
  });

  it("lists restored clusters in creation order", async () => {
    const first = await restoreCluster(emulator, validBody({ name: "first" }));
    const second = await restoreCluster(emulator, validBody({ name: "second" }));
    const ids = restoredIds();
    expect(ids.indexOf(first.metadata.clusterId)).toBeLessThan(ids.indexOf(second.metadata.clusterId));
    expect(first.metadata.clusterId).not.toBe(second.metadata.clusterId);
    expect(first.id).not.toBe(second.id);
  });

  it("is done on the first poll with an operation duration of 0", async () => {
    emulator.setOperationDuration(0);
    const started = await restoreCluster(emulator, validBody());
    expect(started.done).toBe(false);
    expect((await waitForOperation(emulator, started.id)).polls).toBe(1);
  });

  describe("refuses a malformed request with 400 INVALID_ARGUMENT naming the field", () => {
    it.each([
      ["no backupId", validBody({ backupId: undefined }), "backupId"],
      ["an empty backupId", validBody({ backupId: "" }), "backupId"],
      ["a numeric backupId", validBody({ backupId: 7 }), "backupId"],
      ["no time", validBody({ time: undefined }), "time"],
      ["a null time", validBody({ time: null }), "time"],
      ["a time that is not RFC 3339", validBody({ time: "yesterday" }), "time"],
      ["a time without an offset", validBody({ time: "2026-11-20T04:00:00" }), "time"],
      ["a date that does not exist", validBody({ time: "2026-02-29T04:00:00Z" }), "time"],
      ["a month 13", validBody({ time: "2026-13-01T04:00:00Z" }), "time"],
      ["a time as a number", validBody({ time: 1763607600 }), "time"],
      ["no name", validBody({ name: undefined }), "name"],
      ["an empty name", validBody({ name: "" }), "name"],
      ["a name with a space", validBody({ name: "bad name" }), "name"],
      ["a name with a dot", validBody({ name: "bad.name" }), "name"],
      ["a name of 64 characters", validBody({ name: "n".repeat(64) }), "name"],
      ["an unknown environment", validBody({ environment: "TESTING" }), "environment"],
      ["labels that are not strings", validBody({ labels: { size: 3 } }), "labels"],
      ["a configSpec that is a list", validBody({ configSpec: [] }), "configSpec"],
      ["hostSpecs that are not a list", validBody({ hostSpecs: {} }), "hostSpecs"],
      ["securityGroupIds that are not strings", validBody({ securityGroupIds: [1] }), "securityGroupIds"],
      [
        "a deletionProtection that is not a boolean",
        validBody({ deletionProtection: "yes" }),
        "deletionProtection",
      ],
      ["a numeric folderId", validBody({ folderId: 1 }), "folderId"],
    ])("%s", async (_, body, field) => {
      const before = restoredIds().length;
      const call = await callRestore(emulator, body);
      expect(call.status).toBe(400);
      const error = errorOf(call.text);
      expect(error.code).toBe(3);
      expect(error.message).toContain(`${field}:`);
      expect(error.details[0].requestId).toBe(call.headers.get("x-request-id"));
      expect(restoredIds()).toHaveLength(before);
    });

    it.each([
      ["a body that is not JSON", "{backupId:"],
      ["a JSON list", "[]"],
      ["no body", ""],
    ])("%s", async (_, body) => {
      const call = await callRestore(emulator, body);
      expect(call.status).toBe(400);
      expect(errorOf(call.text)).toMatchObject({ code: 3, message: expect.stringContaining("body") });
    });

    it("accepts a name of 63 characters", async () => {
      expect((await callRestore(emulator, validBody({ name: "n".repeat(63) }))).status).toBe(200);
    });
  });

  it("answers 404 NOT_FOUND for a backup no cluster has", async () => {
    const before = restoredIds().length;
    const call = await callRestore(emulator, validBody({ backupId: "c9qrestore000000001:missing" }));
    expect(call.status).toBe(404);
    expect(errorOf(call.text)).toMatchObject({
      code: 5,
      message: expect.stringContaining("c9qrestore000000001:missing"),
    });
    expect(restoredIds()).toHaveLength(before);
  });

  describe("refuses a time the backup cannot reach with 400 FAILED_PRECONDITION", () => {
    it.each([
      ["one nanosecond before createdAt", PRECISE, "2026-11-20T03:07:41.123456788Z"],
      ["before createdAt in another offset", PRECISE, "2026-11-20T06:07:41+03:00"],
      ["before a +03:00 createdAt", OFFSET, "2026-11-21T02:59:59.999Z"],
      ["before a +03:00 createdAt, in the same offset", OFFSET, "2026-11-21T05:59:59+03:00"],
      ["before a +03:00 createdAt, written as a later wall-clock time", OFFSET, "2026-11-21T07:59:00+05:00"],
    ])("%s", async (_, backupId, time) => {
      const call = await callRestore(emulator, validBody({ backupId, time }));
      expect(call.status).toBe(400);
      const error = errorOf(call.text);
      expect(error.code).toBe(9);
      expect(error.message).toMatch(/earlier than backup .* was completed/);
    });

    it("in the future", async () => {
      const time = new Date(Date.now() + 60_000).toISOString();
      const call = await callRestore(emulator, validBody({ time }));
      expect(call.status).toBe(400);
      expect(errorOf(call.text)).toMatchObject({
        code: 9,
        message: expect.stringContaining("in the future"),
      });
    });

    it("from a backup that is not complete", async () => {
      const call = await callRestore(emulator, validBody({ backupId: RUNNING }));
      expect(call.status).toBe(400);
      expect(errorOf(call.text)).toMatchObject({ code: 9, message: expect.stringContaining("not complete") });
    });
  });

  it.each([
    ["exactly createdAt, to the nanosecond", PRECISE, "2026-11-20T03:07:41.123456789Z"],
    ["exactly a +03:00 createdAt, in UTC", OFFSET, "2026-11-21T03:00:00Z"],
    ["after a +03:00 createdAt, though an earlier string", OFFSET, "2026-11-21T05:00:00Z"],
    ["after createdAt, in lower case", OFFSET, "2026-11-21t03:00:01z"],
  ])("accepts a time %s", async (_, backupId, time) => {
    const call = await callRestore(emulator, validBody({ backupId, time }));
    expect(call.status).toBe(200);
    const { metadata } = JSON.parse(call.text) as { metadata: { clusterId: string } };
    expect(emulator.restoredClusters().find((cluster) => cluster.id === metadata.clusterId)).toMatchObject({
      backupId,
      time,
    });
  });

  it("answers 501 to other methods", async () => {
    const call = await callWithBody(emulator, "GET", RESTORE_CLUSTER_PATH);
    expect(call.status).toBe(501);
    expect(errorOf(call.text).code).toBe(12);
  });
});

describe("authentication", () => {
  it.each([
    ["POST", RESTORE_CLUSTER_PATH],
    ["GET", operationPath("mdbnosuchoperation00")],
    ["GET", clusterPath("mdbnosuchcluster0000")],
    ["DELETE", clusterPath("mdbnosuchcluster0000")],
  ])("is required for %s %s", async (method, path) => {
    const before = restoredIds().length;
    const body = method === "POST" ? validBody() : undefined;
    const missing = await callWithBody(emulator, method, path, body, { token: null });
    expect(missing.status).toBe(401);
    expect(errorOf(missing.text).code).toBe(16);
    const wrong = await callWithBody(emulator, method, path, body, { token: "t1.wrong.token" });
    expect(wrong.status).toBe(401);
    expect(restoredIds()).toHaveLength(before);
  });

  it("takes precedence over validation", async () => {
    expect((await callRestore(emulator, "{not json", { token: null })).status).toBe(401);
  });
});

describe("GET /operations/{operationId}", () => {
  it("answers 404 NOT_FOUND for an unknown operation", async () => {
    const call = await callWithBody(emulator, "GET", operationPath("mdbnosuchoperation00"));
    expect(call.status).toBe(404);
    expect(errorOf(call.text)).toMatchObject({
      code: 5,
      message: expect.stringContaining("mdbnosuchoperation00"),
    });
  });

  it("answers 501 to other methods", async () => {
    const started = await restoreCluster(emulator, validBody());
    expect((await callWithBody(emulator, "DELETE", operationPath(started.id))).status).toBe(501);
  });
});

describe("restored clusters", () => {
  it("are deleted by an operation, DELETING until it is done, then gone", async () => {
    const clusterId = await restoredAndRunning();
    const call = await callWithBody(emulator, "DELETE", clusterPath(clusterId));
    expect(call.status).toBe(200);
    const deleting = JSON.parse(call.text) as Record<string, unknown>;
    expect(deleting).toEqual({
      id: expect.stringMatching(MDB_ID),
      description: "Delete SQL Server cluster",
      createdAt: expect.any(String),
      createdBy: "emulator",
      modifiedAt: expect.any(String),
      done: false,
      metadata: { "@type": `${SQLSERVER}.DeleteClusterMetadata`, clusterId },
    });
    expect(emulator.restoredClusters().find((cluster) => cluster.id === clusterId)?.status).toBe("DELETING");
    // The API's Cluster.Status has no DELETING.
    const meanwhile = await callWithBody(emulator, "GET", clusterPath(clusterId));
    expect(JSON.parse(meanwhile.text)).toMatchObject({ id: clusterId, status: "STOPPING" });
    const again = await callWithBody(emulator, "DELETE", clusterPath(clusterId));
    expect([again.status, errorOf(again.text).code]).toEqual([400, 9]);

    const { operation } = await waitForOperation(emulator, deleting.id as string);
    expect(operation.response).toEqual({ "@type": "type.googleapis.com/google.protobuf.Empty" });
    expect(restoredIds()).not.toContain(clusterId);
    expect(emulator.operations()).toContainEqual({
      id: deleting.id,
      kind: "delete",
      done: true,
      clusterId,
    });
    const gone = await callWithBody(emulator, "GET", clusterPath(clusterId));
    expect([gone.status, errorOf(gone.text).code]).toEqual([404, 5]);
    expect((await callWithBody(emulator, "DELETE", clusterPath(clusterId))).status).toBe(404);
  });

  it("cannot be deleted while still being created", async () => {
    emulator.setOperationDuration(60_000);
    const started = await restoreCluster(emulator, validBody());
    const call = await callWithBody(emulator, "DELETE", clusterPath(started.metadata.clusterId));
    expect(call.status).toBe(400);
    expect(errorOf(call.text)).toMatchObject({ code: 9, message: expect.stringContaining("creating") });
  });

  it("cannot be deleted with deletion protection on", async () => {
    const clusterId = await restoredAndRunning({ deletionProtection: true });
    const call = await callWithBody(emulator, "DELETE", clusterPath(clusterId));
    expect(call.status).toBe(400);
    expect(errorOf(call.text)).toMatchObject({
      code: 9,
      message: expect.stringContaining("deletion protection"),
    });
    expect(JSON.parse((await callWithBody(emulator, "GET", clusterPath(clusterId))).text)).toMatchObject({
      deletionProtection: true,
      status: "RUNNING",
    });
  });

  it.each(["GET", "DELETE"])(
    "answer %s for an unknown or seeded cluster with 404 NOT_FOUND",
    async (method) => {
      for (const clusterId of ["mdbnosuchcluster0000", CLUSTER]) {
        const call = await callWithBody(emulator, method, clusterPath(clusterId));
        expect([call.status, errorOf(call.text).code]).toEqual([404, 5]);
      }
    },
  );

  it("answer other methods with 501", async () => {
    const clusterId = await restoredAndRunning();
    expect((await callWithBody(emulator, "PATCH", clusterPath(clusterId), {})).status).toBe(501);
  });

  it("refuse a clusterId over 50 characters", async () => {
    const call = await callWithBody(emulator, "GET", clusterPath("c".repeat(51)));
    expect([call.status, errorOf(call.text).code]).toEqual([400, 3]);
  });
});

describe("faults and latency on the restore path", () => {
  it("503 once: nothing is restored, and the retry is", async () => {
    const fault = emulator.injectFault({ status: 503, match: { path: RESTORE_CLUSTER_PATH } });
    const before = restoredIds().length;
    const failed = await callRestore(emulator, validBody());
    expect(failed.status).toBe(503);
    expect(errorOf(failed.text).code).toBe(14);
    expect(restoredIds()).toHaveLength(before);
    expect((await callRestore(emulator, validBody())).status).toBe(200);
    expect(restoredIds()).toHaveLength(before + 1);
    expect(fault.fired).toBe(1);
  });

  it("a reset before the response restores nothing", async () => {
    emulator.injectFault({ reset: "before-response", match: { path: RESTORE_CLUSTER_PATH } });
    const before = restoredIds().length;
    await expect(callRestore(emulator, validBody())).rejects.toThrow();
    expect(restoredIds()).toHaveLength(before);
    expect(emulator.requests).toEqual([
      expect.objectContaining({ status: 0, fault: "reset before-response" }),
    ]);
  });

  it("faults on polling leave the operation as it was", async () => {
    const started = await restoreCluster(emulator, validBody());
    emulator.injectFault({ status: 429, match: { path: /^\/operations\// } });
    expect((await callWithBody(emulator, "GET", operationPath(started.id))).status).toBe(429);
    expect((await getOperation(emulator, started.id)).id).toBe(started.id);
  });

  it("latency delays the answer", async () => {
    emulator.setLatency(60);
    try {
      const started = Date.now();
      expect((await callRestore(emulator, validBody())).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    } finally {
      emulator.setLatency(0);
    }
  });
});

describe("the request log", () => {
  it("records method, path without query and status, and neither the token nor the body", async () => {
    const marker = "body-marker-never-logged";
    await callWithBody(emulator, "POST", `${RESTORE_CLUSTER_PATH}?trace=1`, validBody({ name: marker }));
    await callRestore(emulator, validBody({ name: "bad name", description: marker }));
    expect(emulator.requests).toEqual([
      expect.objectContaining({
        method: "POST",
        path: RESTORE_CLUSTER_PATH,
        status: 200,
        authorization: "accepted",
      }),
      expect.objectContaining({ method: "POST", path: RESTORE_CLUSTER_PATH, status: 400 }),
    ]);
    const logged = JSON.stringify(emulator.requests);
    expect(logged).not.toContain(marker);
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain("restoreSecret");
    expect(emulator.listRequests()).toEqual([]);
  });
});

describe("operation duration", () => {
  it("is validated", async () => {
    expect(() => emulator.setOperationDuration(-1)).toThrow(TypeError);
    expect(() => emulator.setOperationDuration(Number.NaN)).toThrow(TypeError);
    await expect(startEmulator({ operationDurationMs: -5 })).rejects.toThrow(TypeError);
  });

  it("applies to operations started after it is set", async () => {
    emulator.setOperationDuration(60_000);
    const slow = await restoreCluster(emulator, validBody());
    emulator.setOperationDuration(0);
    const fast = await restoreCluster(emulator, validBody());
    expect((await getOperation(emulator, fast.id)).done).toBe(true);
    expect((await getOperation(emulator, slow.id)).done).toBe(false);
  });

  it("defaults to 300 ms", async () => {
    const fresh = await startEmulator({ clusters: { [CLUSTER]: BACKUPS } });
    try {
      const started = await restoreCluster(fresh, validBody());
      const { operation } = await waitForOperation(fresh, started.id);
      expect(Date.parse(operation.modifiedAt) - Date.parse(operation.createdAt)).toBe(300);
    } finally {
      await fresh.close();
    }
  });
});
