import { startEmulator, type Emulator, type FaultSpec } from "../../src/emulator";
import { MalformedResponseError, NetworkError, YandexApiError } from "../../src/errors";
import { lookupClusterBackups } from "../../src/lookup/lookup-cluster-backups";
import { rejectionOf } from "../support/capture";
import { expectedIds, orderedBackups } from "../support/fixtures";
import { closedLoopbackAddress } from "../support/closed-address";

const CLUSTER = "c9qretry";
const COUNT = 45; // five pages of ten; the last one uneven
const PAGE_SIZE = 10;
let emulator: Emulator;
let clean: string;

const lookup = (extra: Record<string, unknown> = {}, log?: (m: string) => void) =>
  lookupClusterBackups(
    {
      clusterId: CLUSTER,
      endpoint: emulator.url,
      token: emulator.token,
      pageSize: PAGE_SIZE,
      timeoutMs: 1000,
      retry: { minTimeoutMs: 5, maxTimeoutMs: 50 },
      ...extra,
    },
    { env: {}, log },
  );

beforeAll(async () => {
  emulator = await startEmulator({ clusters: { [CLUSTER]: orderedBackups(CLUSTER, COUNT) } });
  clean = JSON.stringify(await lookup());
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.clearRequests();
  emulator.clearFaults();
});

/** The token each page is requested with, learnt from a clean run. */
async function pageTokens(): Promise<(string | null)[]> {
  emulator.clearRequests();
  await lookup();
  const tokens = emulator.listRequests(CLUSTER).map((r) => r.pageToken ?? null);
  emulator.clearRequests();
  return tokens;
}

const RETRYABLE: [string, FaultSpec][] = [
  ["HTTP 429", { status: 429 }],
  ["HTTP 500", { status: 500 }],
  ["HTTP 502", { status: 502, body: "<html>bad gateway</html>" }],
  ["HTTP 503", { status: 503 }],
  ["HTTP 504", { status: 504 }],
  ["a connection reset before the response", { reset: "before-response" }],
  ["a connection reset mid-body", { reset: "mid-body" }],
  ["a truncated JSON body", { truncateJson: true }],
  ["a 200 whose body is not JSON", { body: "<html>maintenance</html>" }],
  ["no response within timeoutMs", { delayMs: 3000 }],
];

describe("transient faults", () => {
  const positions: [string, number][] = [
    ["first", 0],
    ["middle", 2],
    ["last", 4],
  ];
  for (const [name, fault] of RETRYABLE) {
    it.each(positions)(
      `${name} on the %s page changes nothing but the request count`,
      async (_where, index) => {
        const tokens = await pageTokens();
        expect(tokens).toHaveLength(5);
        const injected = emulator.injectFault({
          ...fault,
          match: { clusterId: CLUSTER, pageToken: tokens[index] },
          times: 2,
        });
        const result = await lookup({ timeoutMs: 300 });
        expect(JSON.stringify(result)).toBe(clean);
        expect(injected.fired).toBe(2);
        const requests = emulator.listRequests(CLUSTER);
        expect(requests).toHaveLength(5 + 2);
        // Only the faulty page was asked again: the listing is never restarted from page 1.
        expect(requests.filter((r) => (r.pageToken ?? null) === tokens[index])).toHaveLength(3);
        expect(requests.filter((r) => r.pageToken === undefined)).toHaveLength(index === 0 ? 3 : 1);
      },
    );
  }

  it("gives up after retries + 1 attempts with the last status, never a partial list", async () => {
    const tokens = await pageTokens();
    emulator.injectFault({
      status: 503,
      message: "try again later",
      match: { pageToken: tokens[3] },
      times: Infinity,
    });
    const error = await rejectionOf(lookup({ retry: { retries: 2, minTimeoutMs: 1, maxTimeoutMs: 5 } }));
    expect(error).toBeInstanceOf(YandexApiError);
    expect(error).toMatchObject({
      httpStatus: 503,
      grpcCode: 14,
      apiMessage: "try again later",
      page: 4,
      attempts: 3,
      retryable: true,
    });
    const last = emulator.listRequests(CLUSTER).at(-1)!;
    expect((error as YandexApiError).requestId).toBe(last.serverRequestId);
    expect((error as Error).message).toContain(`request id ${last.serverRequestId}`);
    expect(emulator.listRequests(CLUSTER)).toHaveLength(3 + 3);
  });

  it("reports a body that stays unreadable as a MalformedResponseError after the retries", async () => {
    emulator.injectFault({ truncateJson: true, times: Infinity });
    const error = await rejectionOf(lookup({ retry: { retries: 1, minTimeoutMs: 1, maxTimeoutMs: 1 } }));
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error).toMatchObject({ field: "(body)", page: 1, attempts: 2 });
  });

  it("reports a connection that keeps failing as a NetworkError", async () => {
    emulator.injectFault({ reset: "before-response", times: Infinity });
    const error = await rejectionOf(lookup({ retry: { retries: 1, minTimeoutMs: 1, maxTimeoutMs: 1 } }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ page: 1, attempts: 2, clusterId: CLUSTER });
  });

  it("reports a refused connection as a NetworkError with its code", async () => {
    const url = `http://${await closedLoopbackAddress()}`;
    const error = await rejectionOf(
      lookupClusterBackups(
        {
          clusterId: CLUSTER,
          endpoint: url,
          token: "t1.a.b",
          retry: { retries: 1, minTimeoutMs: 1, maxTimeoutMs: 1 },
        },
        { env: {} },
      ),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "ECONNREFUSED", attempts: 2 });
  });

  it("logs each retry and each page at debug level", async () => {
    emulator.injectFault({ status: 503, match: { pageToken: null } });
    const lines: string[] = [];
    await lookup({}, (m) => lines.push(m));
    expect(lines.filter((l) => /page 1: HTTP 503 on attempt 1; retrying in \d+ ms/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /page \d: \d+ backups/.test(l))).toHaveLength(5);
  });
});

describe("Retry-After and the retry budget", () => {
  it("waits as long as Retry-After says, in seconds", async () => {
    emulator.injectFault({ status: 429, retryAfter: "1", match: { pageToken: null } });
    const result = await lookup({ retry: { minTimeoutMs: 1, maxTimeoutMs: 5000 } });
    expect(JSON.stringify(result)).toBe(clean);
    const [first, second] = emulator.listRequests(CLUSTER);
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
  });

  it("waits until a Retry-After HTTP date", async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2000);
    emulator.injectFault({ status: 503, retryAfter: at.toUTCString(), match: { pageToken: null } });
    await lookup({ retry: { minTimeoutMs: 1, maxTimeoutMs: 5000 } });
    const [, second] = emulator.listRequests(CLUSTER);
    expect(second.at).toBeGreaterThanOrEqual(at.getTime() - 1000);
  });

  it("caps Retry-After at maxTimeoutMs", async () => {
    emulator.injectFault({ status: 503, retryAfter: "3600", match: { pageToken: null } });
    await lookup({ retry: { minTimeoutMs: 1, maxTimeoutMs: 200 } });
    const [first, second] = emulator.listRequests(CLUSTER);
    expect(second.at - first.at).toBeGreaterThanOrEqual(150);
    expect(second.at - first.at).toBeLessThan(3_600_000);
  });

  it("gives up at once when Retry-After would outlast maxRetryTimeMs", async () => {
    emulator.injectFault({ status: 503, retryAfter: "30", match: { pageToken: null } });
    const error = await rejectionOf(lookup({ retry: { maxTimeoutMs: 60000, maxRetryTimeMs: 1000 } }));
    expect(error).toMatchObject({ httpStatus: 503, attempts: 1 });
    expect(emulator.listRequests(CLUSTER)).toHaveLength(1);
  });

  it("bounds the whole lookup's retrying by maxRetryTimeMs, across pages", async () => {
    const tokens = await pageTokens();
    emulator.injectFault({ status: 503, match: { pageToken: tokens[1] }, times: 3 });
    emulator.injectFault({ status: 503, match: { pageToken: tokens[2] }, times: Infinity });
    const started = Date.now();
    const error = await rejectionOf(
      lookup({ retry: { retries: 100, minTimeoutMs: 100, maxTimeoutMs: 100, maxRetryTimeMs: 800 } }),
    );
    expect(error).toMatchObject({ httpStatus: 503, page: 3 });
    expect((error as YandexApiError).attempts).toBeLessThan(100);
    // Unbounded, 100 retries 100 ms apart would take 10 s; no wait is started that would end past the budget.
    const last = emulator.listRequests(CLUSTER).at(-1)!;
    expect(last.at - started).toBeLessThanOrEqual(800 + 1000);
  });
});

describe("abort", () => {
  it("rejects with the signal's reason and sends nothing when already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(lookup({ signal: controller.signal }));
    expect((error as Error).name).toBe("AbortError");
    expect(emulator.requests).toHaveLength(0);
  });

  it("cancels an in-flight request", async () => {
    emulator.injectFault({ delayMs: 5000, match: { pageToken: null } });
    const controller = new AbortController();
    const pending = lookup({ signal: controller.signal, timeoutMs: 10000 });
    setTimeout(() => controller.abort(new Error("stop now")), 100);
    const started = Date.now();
    const error = await rejectionOf(pending);
    expect((error as Error).message).toBe("stop now");
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("cancels a wait between retries", async () => {
    emulator.injectFault({ status: 503, retryAfter: "10", match: { pageToken: null } });
    const controller = new AbortController();
    const pending = lookup({ signal: controller.signal, retry: { maxTimeoutMs: 20000 } });
    setTimeout(() => controller.abort(), 200);
    const error = await rejectionOf(pending);
    expect((error as Error).name).toBe("AbortError");
    expect(emulator.listRequests(CLUSTER)).toHaveLength(1);
  });
});

it("the clean run read every backup", () => {
  expect((JSON.parse(clean) as { ids: string[] }).ids).toEqual(expectedIds(COUNT));
});
