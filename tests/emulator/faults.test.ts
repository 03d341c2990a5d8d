import { request as httpRequest } from "node:http";
import { startEmulator, type Emulator, type FaultSpec } from "../../src/emulator";
import { backupsPath, callListBackups, callPath, fetchPage, numberedBackups } from "./list-backups-client";

const CLUSTER = "c9qfaults0000000001";
const OTHER_CLUSTER = "c9qfaults0000000002";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({
    clusters: { [CLUSTER]: numberedBackups(30), [OTHER_CLUSTER]: numberedBackups(30) },
  });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.clearFaults();
  emulator.clearRequests();
});

async function statuses(
  count: number,
  clusterId = CLUSTER,
  query: Record<string, string> = {},
): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i++) result.push((await callListBackups(emulator, clusterId, query)).status);
  return result;
}

/** A raw HTTP/1.1 GET that reports how it ended, without any client-side retrying. */
function rawGet(path: string): Promise<{ status?: number; body: string; error?: string }> {
  return new Promise((resolve) => {
    let status: number | undefined;
    let body = "";
    const req = httpRequest(`${emulator.url}${path}`, {
      headers: { authorization: `Bearer ${emulator.token}` },
      agent: false,
    });
    req.on("response", (res) => {
      status = res.statusCode;
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status, body }));
      res.on("error", (error) => resolve({ status, body, error: error.message }));
    });
    req.on("error", (error) => resolve({ status, body, error: error.message }));
    req.end();
  });
}

describe("which requests a fault fires on", () => {
  it("fires once on the first matching request by default", async () => {
    const fault = emulator.injectFault({ status: 503 });
    expect(await statuses(3)).toEqual([503, 200, 200]);
    expect(fault.fired).toBe(1);
  });

  it("fires on requests nth .. nth+times-1 among the matching ones", async () => {
    const fault = emulator.injectFault({ status: 500, nth: 2, times: 2 });
    expect(await statuses(5)).toEqual([200, 500, 500, 200, 200]);
    expect(fault.fired).toBe(2);
  });

  it("fires on every matching request with times: Infinity, until removed", async () => {
    const fault = emulator.injectFault({ status: 503, times: Infinity });
    expect(await statuses(4)).toEqual([503, 503, 503, 503]);
    fault.remove();
    expect(await statuses(1)).toEqual([200]);
    expect(fault.fired).toBe(4);
  });

  it("counts only requests for the matched cluster", async () => {
    emulator.injectFault({ status: 503, match: { clusterId: CLUSTER }, nth: 2 });
    expect(await statuses(1, CLUSTER)).toEqual([200]);
    expect(await statuses(3, OTHER_CLUSTER)).toEqual([200, 200, 200]);
    expect(await statuses(2, CLUSTER)).toEqual([503, 200]);
  });

  it("matches first pages with pageToken: null and later pages by their token", async () => {
    const { nextPageToken } = await fetchPage(emulator, CLUSTER, { pageSize: "10" });
    const token = nextPageToken ?? "";
    emulator.injectFault({ status: 503, match: { pageToken: null }, times: Infinity });
    emulator.injectFault({ status: 429, match: { pageToken: token } });
    expect(await statuses(1, CLUSTER, { pageSize: "10" })).toEqual([503]);
    expect(await statuses(1, CLUSTER, { pageSize: "10", pageToken: "" })).toEqual([503]);
    expect(await statuses(2, CLUSTER, { pageSize: "10", pageToken: token })).toEqual([429, 200]);
  });

  it("matches the path as a string or a RegExp", async () => {
    emulator.injectFault({ status: 418, match: { path: "/elsewhere" } });
    emulator.injectFault({ status: 502, match: { path: /\/c9qfaults0000000002\// } });
    expect(await statuses(1, CLUSTER)).toEqual([200]);
    expect(await statuses(1, OTHER_CLUSTER)).toEqual([502]);
    expect((await callPath(emulator, "/elsewhere")).status).toBe(418);
  });

  it("lets the earliest fault answer when two fire, while both count the request", async () => {
    const first = emulator.injectFault({ status: 500 });
    const second = emulator.injectFault({ status: 503, nth: 1, times: 2 });
    expect(await statuses(3)).toEqual([500, 503, 200]);
    expect([first.fired, second.fired]).toEqual([1, 1]);
  });

  it("fires before authentication", async () => {
    emulator.injectFault({ status: 503 });
    expect((await callListBackups(emulator, CLUSTER, {}, { token: null })).status).toBe(503);
  });

  it("stops firing after clearFaults", async () => {
    emulator.injectFault({ status: 503, times: Infinity });
    emulator.clearFaults();
    expect(await statuses(1)).toEqual([200]);
  });
});

describe("what a fault does", () => {
  it("answers a status with the error JSON and the gRPC code derived from it", async () => {
    emulator.injectFault({ status: 503 });
    const call = await callListBackups(emulator, CLUSTER);
    expect(call.status).toBe(503);
    expect(JSON.parse(call.text)).toEqual({
      code: 14,
      message: expect.any(String),
      details: [
        {
          "@type": "type.googleapis.com/google.rpc.RequestInfo",
          requestId: call.headers.get("x-request-id"),
        },
      ],
    });
  });

  it.each([
    [{ grpcCode: 8 }, 429, 8],
    [{ status: 400, grpcCode: 9 }, 400, 9],
    [{ status: 500 }, 500, 13],
    [{ status: 504 }, 504, 4],
    [{ status: 403 }, 403, 7],
    [{ status: 502 }, 502, 2],
  ] as [FaultSpec, number, number][])("%j gives HTTP %i, gRPC %i", async (fault, status, grpcCode) => {
    emulator.injectFault(fault);
    const call = await callListBackups(emulator, CLUSTER);
    expect(call.status).toBe(status);
    expect(JSON.parse(call.text)).toMatchObject({ code: grpcCode });
  });

  it("uses the given message and Retry-After", async () => {
    emulator.injectFault({ status: 429, message: "slow down", retryAfter: 2 });
    emulator.injectFault({ status: 503, retryAfter: "Wed, 18 Nov 2026 03:00:00 GMT", nth: 2 });
    const first = await callListBackups(emulator, CLUSTER);
    expect(first.headers.get("retry-after")).toBe("2");
    expect(JSON.parse(first.text)).toMatchObject({ code: 8, message: "slow down" });
    const second = await callListBackups(emulator, CLUSTER);
    expect(second.status).toBe(503);
    expect(second.headers.get("retry-after")).toBe("Wed, 18 Nov 2026 03:00:00 GMT");
    expect((await callListBackups(emulator, CLUSTER)).headers.get("retry-after")).toBeNull();
  });

  it("sends a raw body, with the status given or 200", async () => {
    emulator.injectFault({ status: 502, body: "<html>Bad Gateway</html>" });
    emulator.injectFault({ body: '{"backups":"surprise"}', nth: 2 });
    const first = await callListBackups(emulator, CLUSTER);
    expect([first.status, first.text]).toEqual([502, "<html>Bad Gateway</html>"]);
    const second = await callListBackups(emulator, CLUSTER);
    expect([second.status, second.text]).toEqual([200, '{"backups":"surprise"}']);
  });

  it("delays and then answers normally", async () => {
    emulator.injectFault({ delayMs: 80 });
    const started = Date.now();
    const call = await callListBackups(emulator, CLUSTER);
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    expect(call.status).toBe(200);
    expect(emulator.requests[0]).toMatchObject({ status: 200, fault: "delay 80ms" });
  });

  it("resets the connection before any response", async () => {
    emulator.injectFault({ reset: "before-response" });
    const raw = await rawGet(backupsPath(CLUSTER));
    expect(raw.status).toBeUndefined();
    expect(raw.error).toMatch(/ECONNRESET|socket hang up/);
    emulator.injectFault({ reset: "before-response" });
    await expect(callListBackups(emulator, CLUSTER)).rejects.toThrow();
    expect(emulator.requests.map((r) => [r.status, r.fault])).toEqual([
      [0, "reset before-response"],
      [0, "reset before-response"],
    ]);
  });

  it("drops the connection after the headers and half the body", async () => {
    emulator.injectFault({ reset: "mid-body", times: 2 });
    const raw = await rawGet(backupsPath(CLUSTER));
    expect(raw.status).toBe(200);
    expect(raw.error).toBe("aborted");
    expect(raw.body.length).toBeGreaterThan(0);
    expect(() => JSON.parse(raw.body)).toThrow();

    const response = await fetch(`${emulator.url}${backupsPath(CLUSTER)}`, {
      headers: { authorization: `Bearer ${emulator.token}` },
    });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(emulator.requests.map((r) => r.status)).toEqual([0, 0]);
  });

  it("cuts the real JSON in half in an otherwise complete response", async () => {
    const whole = await callListBackups(emulator, CLUSTER);
    emulator.injectFault({ truncateJson: true });
    const call = await callListBackups(emulator, CLUSTER);
    expect(call.status).toBe(200);
    expect(call.text).toBe(whole.text.slice(0, Math.floor(whole.text.length / 2)));
    expect(call.headers.get("content-length")).toBe(String(call.text.length));
    expect(() => JSON.parse(call.text)).toThrow(SyntaxError);
  });

  it("truncates the real error JSON too, with status 200", async () => {
    emulator.injectFault({ truncateJson: true });
    const call = await callListBackups(emulator, "c9qnosuchcluster");
    expect(call.status).toBe(200);
    expect(call.text.startsWith('{"code":5,')).toBe(true);
    expect(() => JSON.parse(call.text)).toThrow(SyntaxError);
  });
});

describe("fault specs are checked when injected", () => {
  it.each([
    {},
    { match: { clusterId: CLUSTER } },
    { status: 503, nth: 0 },
    { status: 503, times: 0 },
    { status: 503, times: 1.5 },
    { status: 99 },
    { grpcCode: 17 },
    { delayMs: -1 },
    { reset: "sometimes" },
    { reset: "mid-body", status: 500 },
    { truncateJson: true, body: "x" },
    { message: "no status" },
    { status: 503, match: { pageToken: 5 } },
  ])("%j is refused", (spec) => {
    expect(() => emulator.injectFault(spec as FaultSpec)).toThrow(TypeError);
  });
});
