import { startEmulator, type Emulator } from "../../src/emulator";
import {
  BackupLookupError,
  CredentialsError,
  InvalidArgumentError,
  MalformedResponseError,
  NoMatchingBackupsError,
  YandexApiError,
} from "../../src/errors";
import { lookupClusterBackups } from "../../src/lookup/lookup-cluster-backups";
import { everythingShownOf, rejectionOf } from "../support/capture";
import { orderedBackups } from "../support/fixtures";
import { closedLoopbackAddress } from "../support/closed-address";

const CLUSTER = "c9qfailures";
const SECRET =
  "t1.9euelZqSecretPartThatMustNeverLeak.Yx7Q0hM3signaturepartAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ tokens: [SECRET], clusters: { [CLUSTER]: orderedBackups(CLUSTER, 30) } });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.clearRequests();
  emulator.clearFaults();
});

const lookup = (
  extra: Record<string, unknown> = {},
  env: NodeJS.ProcessEnv = {},
  log?: (m: string) => void,
) =>
  lookupClusterBackups(
    {
      clusterId: CLUSTER,
      endpoint: emulator.url,
      token: SECRET,
      pageSize: 10,
      retry: { minTimeoutMs: 1, maxTimeoutMs: 2 },
      ...extra,
    },
    { env, log },
  );

describe("statuses that are not retried", () => {
  it.each([400, 401, 403, 404, 409, 412, 422, 501])(
    "HTTP %i fails after exactly one request",
    async (status) => {
      emulator.injectFault({ status, message: `refused with ${status}`, match: { pageToken: null } });
      const error = await rejectionOf(lookup());
      expect(error).toBeInstanceOf(YandexApiError);
      expect(error).toMatchObject({
        httpStatus: status,
        page: 1,
        attempts: 1,
        retryable: false,
        apiMessage: `refused with ${status}`,
      });
      expect(emulator.listRequests(CLUSTER)).toHaveLength(1);
    },
  );

  it("a non-retryable status on a later page fails there, with no partial result", async () => {
    emulator.injectFault({ status: 403, match: { clusterId: CLUSTER }, nth: 3 });
    const error = await rejectionOf(lookup());
    expect(error).toMatchObject({ httpStatus: 403, grpcCode: 7, page: 3, attempts: 1 });
    expect(emulator.listRequests(CLUSTER)).toHaveLength(3);
  });

  it("an unknown cluster is NOT_FOUND, quoting the server's request id", async () => {
    const error = await rejectionOf(lookup({ clusterId: "c9qnosuchcluster" }));
    expect(error).toBeInstanceOf(YandexApiError);
    const request = emulator.requests.at(-1)!;
    expect(error).toMatchObject({
      httpStatus: 404,
      grpcCode: 5,
      clusterId: "c9qnosuchcluster",
      requestId: request.serverRequestId,
      clientRequestId: request.clientRequestId,
    });
    expect((error as Error).message).toMatch(
      /^listBackups of cluster c9qnosuchcluster failed with HTTP 404 NOT_FOUND \(5\): .+ \(page 1, 1 attempt, request id [0-9a-f-]{36}\)$/,
    );
  });

  it("an unknown token is UNAUTHENTICATED", async () => {
    const error = await rejectionOf(lookup({ token: "t1.wrong.token" }));
    expect(error).toMatchObject({ httpStatus: 401, grpcCode: 16, attempts: 1 });
  });
});

describe("pages of the wrong shape fail at once, naming page and field", () => {
  it.each([
    [{ backups: {} }, "backups"],
    [{ backups: [{ createdAt: "2026-11-28T03:00:00Z" }] }, "backups[0].id"],
    [{ backups: [{ id: "x", createdAt: "28.11.2026" }] }, "backups[0].createdAt"],
    [{ backups: [{ id: "x", databases: [1] }] }, "backups[0].databases[0]"],
    [{ nextPageToken: 12 }, "nextPageToken"],
    [[1, 2, 3], "(body)"],
  ])("%j", async (second, field) => {
    emulator.scriptPages(CLUSTER, {
      "": { backups: [{ id: "ok", createdAt: "2026-11-28T03:00:00Z" }], nextPageToken: "p2" },
      p2: second,
    });
    try {
      const error = await rejectionOf(lookup());
      expect(error).toBeInstanceOf(MalformedResponseError);
      expect(error).toMatchObject({ page: 2, field, attempts: 1, clusterId: CLUSTER });
      expect((error as Error).message).toContain(`page 2: ${field} `);
      expect(emulator.listRequests(CLUSTER)).toHaveLength(2);
    } finally {
      emulator.setBackups(CLUSTER, orderedBackups(CLUSTER, 30));
    }
  });
});

describe("arguments and credentials are checked before any request", () => {
  it.each([
    { clusterId: "bad id" },
    { pageSize: 5000 },
    { createdAfter: "last week" },
    { limit: -1 },
    { retry: { retries: "5" } },
    { endpoint: "gopher://x" },
  ])("%j", async (bad) => {
    const error = await rejectionOf(lookup(bad));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toBeInstanceOf(BackupLookupError);
    expect(emulator.requests).toHaveLength(0);
  });

  it("without any credential, fails fast naming every place looked at, and lists nothing", async () => {
    const nothingThere = await closedLoopbackAddress();
    const env = { YC_METADATA_ADDR: nothingThere };
    const error = await rejectionOf(
      lookupClusterBackups({ clusterId: CLUSTER, endpoint: emulator.url }, { env }),
    );
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as CredentialsError).sourcesTried).toEqual([
      "token argument",
      "serviceAccountKey argument",
      "YC_SERVICE_ACCOUNT_KEY_FILE",
      "YC_TOKEN",
      "YC_IAM_TOKEN",
      `VM metadata service at ${nothingThere}`,
    ]);
    expect(emulator.requests).toHaveLength(0);
  });

  it("takes the token from YC_TOKEN and the endpoint from YC_ENDPOINT", async () => {
    const result = await lookupClusterBackups(
      { clusterId: CLUSTER },
      { env: { YC_TOKEN: SECRET, YC_ENDPOINT: emulator.url } },
    );
    expect(result.scanned).toBe(30);
  });
});

describe("filters", () => {
  it("applies databases, createdAfter, createdBefore and limit across pages", async () => {
    const result = await lookup({
      databases: ["billing"],
      createdAfter: "2026-11-01T00:03:00Z",
      createdBefore: "2026-11-01T03:20:00.000000000+03:00",
      limit: 3,
    });
    // billing is in every third backup (i % 3 === 0), created i minutes after 00:00Z.
    expect(result.ids).toEqual(["bk-00018", "bk-00015", "bk-00012"]);
    expect(result.scanned).toBe(30);
  });

  it("returns an empty result when nothing matches, unless failIfEmpty", async () => {
    const empty = await lookup({ databases: ["nothing"] });
    expect(empty).toEqual({ clusterId: CLUSTER, backups: [], ids: [], scanned: 30 });
    expect(empty.latest).toBeUndefined();
    expect(JSON.stringify(empty)).toBe(`{"clusterId":"${CLUSTER}","backups":[],"ids":[],"scanned":30}`);

    const error = await rejectionOf(lookup({ databases: ["nothing"], failIfEmpty: true }));
    expect(error).toBeInstanceOf(NoMatchingBackupsError);
    expect(error).toMatchObject({ clusterId: CLUSTER, scanned: 30, filters: { databases: ["nothing"] } });
    expect((error as Error).message).toBe(
      `no backup of cluster ${CLUSTER} matches {"databases":["nothing"]} (30 backups scanned)`,
    );
  });
});

describe("the token never shows", () => {
  it("in any error or log line", async () => {
    const lines: string[] = [];
    const log = (m: string) => lines.push(m);
    const errors: unknown[] = [];
    emulator.injectFault({ status: 404, match: { pageToken: null } });
    errors.push(await rejectionOf(lookup({}, {}, log)));
    emulator.clearFaults();
    emulator.injectFault({ status: 503, times: Infinity });
    errors.push(
      await rejectionOf(lookup({ retry: { retries: 1, minTimeoutMs: 1, maxTimeoutMs: 1 } }, {}, log)),
    );
    emulator.clearFaults();
    emulator.injectFault({ reset: "mid-body", times: Infinity });
    errors.push(
      await rejectionOf(lookup({ retry: { retries: 1, minTimeoutMs: 1, maxTimeoutMs: 1 } }, {}, log)),
    );
    emulator.clearFaults();
    errors.push(await rejectionOf(lookup({ databases: ["none"], failIfEmpty: true }, {}, log)));
    errors.push(await rejectionOf(lookup({ token: `${SECRET} with a space` }, {}, log)));
    errors.push(
      await rejectionOf(
        lookupClusterBackups(
          { clusterId: CLUSTER, endpoint: emulator.url },
          { env: { YC_TOKEN: `${SECRET}\n` }, log },
        ),
      ),
    );
    emulator.scriptPages(CLUSTER, { "": { nextPageToken: "A" }, A: { nextPageToken: "A" } });
    errors.push(await rejectionOf(lookup({}, {}, log)));
    emulator.setBackups(CLUSTER, orderedBackups(CLUSTER, 30));
    await lookup({}, {}, log);

    expect(errors.map((e) => (e as Error).constructor.name)).toEqual([
      "YandexApiError",
      "YandexApiError",
      "NetworkError",
      "NoMatchingBackupsError",
      "InvalidArgumentError",
      "InvalidArgumentError",
      "PaginationError",
    ]);
    expect(lines.length).toBeGreaterThan(5);
    const shown = [...errors.map(everythingShownOf), ...lines, JSON.stringify(emulator.requests)].join("\n");
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain("SecretPartThatMustNeverLeak");
  });
});
