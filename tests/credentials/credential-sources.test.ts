import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IamTokenCache } from "../../src/credentials/iam-token-cache";
import type { StackConfig } from "../../src/credentials/stack-config";
import { startEmulator, type Emulator } from "../../src/emulator";
import { CredentialsError, InvalidArgumentError, YandexApiError } from "../../src/errors";
import { lookupClusterBackups, type LookupEnvironment } from "../../src/lookup/lookup-cluster-backups";
import type { LookupArgs } from "../../src/lookup/lookup-args";
import { everythingShownOf, rejectionOf } from "../support/capture";
import { orderedBackups } from "../support/fixtures";
import { closedLoopbackAddress } from "../support/closed-address";

const CLUSTER = "c9qcredentials";
const OAUTH = "y0_AgAAAAAOAuthTokenOfTheTestUser0000000000000000000000";
const IAM_SHAPE = /t1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}/;
let emulator: Emulator;
let keyJson: string;
let keyPath: string;
let closedAddress: string;

beforeAll(async () => {
  emulator = await startEmulator({
    clusters: { [CLUSTER]: orderedBackups(CLUSTER, 3) },
    oauthTokens: [OAUTH],
  });
  keyJson = JSON.stringify(emulator.createServiceAccountKey({ serviceAccountId: "ajesacredentials0001" }));
  keyPath = join(mkdtempSync(join(tmpdir(), "sa-key-")), "key.json");
  writeFileSync(keyPath, keyJson, { mode: 0o600 });
  closedAddress = await closedLoopbackAddress();
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.clearRequests();
  emulator.clearFaults();
  emulator.enableMetadataService(false);
});

function config(values: Record<string, string>, secret: string[] = []): StackConfig {
  return { get: (key) => values[key], isSecret: (key) => secret.includes(key) };
}

interface Run {
  args?: Partial<LookupArgs>;
  env?: NodeJS.ProcessEnv;
  config?: StackConfig;
  cache?: IamTokenCache;
  lines?: string[];
}

/** A lookup with no credential argument unless given; the metadata service is never the real one. */
async function lookup(run: Run = {}) {
  let source: { description: string; secret: boolean } | undefined;
  const environment: LookupEnvironment = {
    env: { YC_METADATA_ADDR: closedAddress, ...run.env },
    config: run.config,
    tokenCache: run.cache ?? new IamTokenCache(),
    log: (m) => run.lines?.push(m),
    onCredentials: (s) => (source = s),
  };
  const result = await lookupClusterBackups(
    { clusterId: CLUSTER, endpoint: emulator.url, retry: { minTimeoutMs: 1, maxTimeoutMs: 5 }, ...run.args },
    environment,
  );
  return { result, source: source! };
}

const exchanges = () => emulator.requests.filter((r) => r.path === "/iam/v1/tokens");

describe("each source works end to end, with nothing in the program but the cluster id", () => {
  it.each<[string, () => Run, string, "oauth" | "jwt" | undefined]>([
    [
      "an IAM token in YC_TOKEN",
      () => ({ env: { YC_TOKEN: emulator.token } }),
      "YC_TOKEN (IAM token)",
      undefined,
    ],
    ["an OAuth token in YC_TOKEN", () => ({ env: { YC_TOKEN: OAUTH } }), "YC_TOKEN (OAuth token)", "oauth"],
    [
      "an IAM token in YC_IAM_TOKEN",
      () => ({ env: { YC_IAM_TOKEN: emulator.token } }),
      "YC_IAM_TOKEN (IAM token)",
      undefined,
    ],
    [
      "a key file path in YC_SERVICE_ACCOUNT_KEY_FILE",
      () => ({ env: { YC_SERVICE_ACCOUNT_KEY_FILE: keyPath } }),
      "YC_SERVICE_ACCOUNT_KEY_FILE (service account ajesacredentials0001",
      "jwt",
    ],
    [
      "the key JSON itself in YC_SERVICE_ACCOUNT_KEY_FILE",
      () => ({ env: { YC_SERVICE_ACCOUNT_KEY_FILE: keyJson } }),
      "YC_SERVICE_ACCOUNT_KEY_FILE (service account",
      "jwt",
    ],
    [
      "yandex:token in stack config",
      () => ({ config: config({ "yandex:token": OAUTH }) }),
      "yandex:token (OAuth token)",
      "oauth",
    ],
    [
      "yandex:serviceAccountKeyFile in stack config",
      () => ({ config: config({ "yandex:serviceAccountKeyFile": keyPath }) }),
      "yandex:serviceAccountKeyFile (service account",
      "jwt",
    ],
    ["the token argument", () => ({ args: { token: OAUTH } }), "token argument (OAuth token)", "oauth"],
    [
      "the serviceAccountKey argument",
      () => ({ args: { serviceAccountKey: keyJson } }),
      "serviceAccountKey argument",
      "jwt",
    ],
  ])("%s", async (_name, run, description, exchange) => {
    const { result, source } = await lookup(run());
    expect(result.ids).toHaveLength(3);
    expect(source.description.startsWith(description)).toBe(true);
    expect(exchanges().map((r) => r.exchange)).toEqual(exchange ? [exchange] : []);
    expect(emulator.listRequests(CLUSTER).every((r) => r.authorization === "accepted")).toBe(true);
  });

  it("the VM metadata service, when nothing else is set", async () => {
    emulator.enableMetadataService();
    const { result, source } = await lookup({ env: { YC_METADATA_ADDR: new URL(emulator.url).host } });
    expect(result.ids).toHaveLength(3);
    expect(source.description).toBe(`VM metadata service at ${new URL(emulator.url).host}`);
    const metadata = emulator.requests.filter((r) => r.path.startsWith("/computeMetadata/"));
    expect(metadata).toHaveLength(1);
  });

  it("takes the endpoint from yandex:endpoint before YC_ENDPOINT", async () => {
    const result = await lookupClusterBackups(
      { clusterId: CLUSTER, token: emulator.token },
      { env: { YC_ENDPOINT: "http://127.0.0.1:9" }, config: config({ "yandex:endpoint": emulator.url }) },
    );
    expect(result.ids).toHaveLength(3);
  });
});

describe("the first source that is set wins", () => {
  const all = () => ({
    env: { YC_SERVICE_ACCOUNT_KEY_FILE: keyPath, YC_TOKEN: OAUTH, YC_IAM_TOKEN: emulator.token },
    config: config({ "yandex:serviceAccountKeyFile": keyPath, "yandex:token": OAUTH }),
  });

  it.each<[string, (r: Run) => Run, string]>([
    [
      "an argument before config and environment",
      (r) => ({ ...r, args: { token: emulator.token } }),
      "token argument",
    ],
    ["config's key file before config's token", (r) => r, "yandex:serviceAccountKeyFile"],
    [
      "config's token when it has no key file",
      (r) => ({ ...r, config: config({ "yandex:token": OAUTH }) }),
      "yandex:token",
    ],
    ["the environment's key file before YC_TOKEN", (r) => ({ env: r.env }), "YC_SERVICE_ACCOUNT_KEY_FILE"],
    [
      "YC_TOKEN before YC_IAM_TOKEN",
      (r) => ({ env: { ...r.env, YC_SERVICE_ACCOUNT_KEY_FILE: undefined } }),
      "YC_TOKEN",
    ],
    ["YC_IAM_TOKEN alone", () => ({ env: { YC_IAM_TOKEN: emulator.token } }), "YC_IAM_TOKEN"],
  ])("%s", async (_name, pick, winner) => {
    const { source } = await lookup(pick(all()));
    expect(source.description.startsWith(winner)).toBe(true);
  });

  it("refuses a token and a key given together, before any request", async () => {
    const error = await rejectionOf(lookup({ args: { token: OAUTH, serviceAccountKey: keyJson } }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(emulator.requests).toHaveLength(0);
  });

  it("refuses a bad key file before any request, naming the field", async () => {
    const broken = JSON.stringify({ ...JSON.parse(keyJson), private_key: "not a key" });
    const error = await rejectionOf(lookup({ env: { YC_SERVICE_ACCOUNT_KEY_FILE: broken } }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ argument: "YC_SERVICE_ACCOUNT_KEY_FILE", field: "private_key" });
    expect(emulator.requests).toHaveLength(0);
  });

  it("marks a credential from secret config as secret", async () => {
    const { source } = await lookup({ config: config({ "yandex:token": OAUTH }, ["yandex:token"]) });
    expect(source.secret).toBe(true);
    expect((await lookup({ config: config({ "yandex:token": OAUTH }) })).source.secret).toBe(false);
  });

  it("fails fast when nothing is set and no metadata service answers, naming every source", async () => {
    const started = Date.now();
    const error = await rejectionOf(lookup({ config: config({}) }));
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as CredentialsError).sourcesTried).toEqual([
      "token argument",
      "serviceAccountKey argument",
      "yandex:serviceAccountKeyFile",
      "yandex:token",
      "YC_SERVICE_ACCOUNT_KEY_FILE",
      "YC_TOKEN",
      "YC_IAM_TOKEN",
      `VM metadata service at ${closedAddress}`,
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(emulator.listRequests(CLUSTER)).toHaveLength(0);
  });
});

describe("exchanged tokens are cached and renewed", () => {
  it("five lookups in one process make one exchange, concurrent or not", async () => {
    const cache = new IamTokenCache();
    await lookup({ env: { YC_TOKEN: OAUTH }, cache });
    await Promise.all([1, 2, 3, 4].map(() => lookup({ env: { YC_TOKEN: OAUTH }, cache })));
    expect(exchanges()).toHaveLength(1);
    expect(emulator.listRequests(CLUSTER)).toHaveLength(5);

    emulator.clearRequests();
    const fresh = new IamTokenCache();
    await Promise.all(
      [1, 2, 3, 4, 5].map(() => lookup({ env: { YC_SERVICE_ACCOUNT_KEY_FILE: keyPath }, cache: fresh })),
    );
    expect(exchanges()).toHaveLength(1);
  });

  it("a token that expired is exchanged again", async () => {
    emulator.setIamTokenLifetime(1500);
    try {
      const cache = new IamTokenCache();
      await lookup({ env: { YC_TOKEN: OAUTH }, cache });
      await new Promise((resolve) => setTimeout(resolve, 1600));
      const { result } = await lookup({ env: { YC_TOKEN: OAUTH }, cache });
      expect(result.ids).toHaveLength(3);
      expect(exchanges()).toHaveLength(2);
      expect(emulator.listRequests(CLUSTER).map((r) => r.status)).toEqual([200, 200]);
    } finally {
      emulator.setIamTokenLifetime(12 * 3600_000);
    }
  });

  it("a 401 on a cached token forces one fresh exchange and one retry", async () => {
    const cache = new IamTokenCache();
    await lookup({ env: { YC_TOKEN: OAUTH }, cache });
    emulator.clearRequests();
    emulator.injectFault({ status: 401, match: { clusterId: CLUSTER } });
    const { result } = await lookup({ env: { YC_TOKEN: OAUTH }, cache });
    expect(result.ids).toHaveLength(3);
    expect(exchanges()).toHaveLength(1);
    expect(emulator.listRequests(CLUSTER).map((r) => r.status)).toEqual([401, 200]);
  });

  it("a second 401 is the answer: it fails after one renewal", async () => {
    const cache = new IamTokenCache();
    emulator.injectFault({ status: 401, match: { clusterId: CLUSTER }, times: Infinity });
    const error = await rejectionOf(lookup({ env: { YC_TOKEN: OAUTH }, cache }));
    expect(error).toBeInstanceOf(YandexApiError);
    expect(error).toMatchObject({ httpStatus: 401, attempts: 1 });
    expect(exchanges()).toHaveLength(2);
    expect(emulator.listRequests(CLUSTER)).toHaveLength(2);
  });

  it("a fixed IAM token is not renewed: a 401 fails at once", async () => {
    emulator.injectFault({ status: 401, match: { clusterId: CLUSTER } });
    const error = await rejectionOf(lookup({ env: { YC_IAM_TOKEN: emulator.token } }));
    expect(error).toMatchObject({ httpStatus: 401 });
    expect(emulator.listRequests(CLUSTER)).toHaveLength(1);
  });

  it("exchanges are retried like page requests", async () => {
    emulator.injectFault({ status: 503, match: { path: "/iam/v1/tokens" }, times: 2 });
    const { result } = await lookup({ env: { YC_TOKEN: OAUTH } });
    expect(result.ids).toHaveLength(3);
    expect(exchanges().map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it("an OAuth token IAM refuses is a CredentialsError naming the source, after one request", async () => {
    const error = await rejectionOf(lookup({ env: { YC_TOKEN: "y0_NotKnownToIam000000000000" } }));
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error).toMatchObject({ httpStatus: 401, grpcCode: 16, attempts: 1 });
    expect((error as Error).message).toMatch(
      /^OAuth token from YC_TOKEN was refused with HTTP 401 UNAUTHENTICATED/,
    );
    expect(exchanges()).toHaveLength(1);
    expect(emulator.listRequests(CLUSTER)).toHaveLength(0);
  });
});

it("no token, key, JWT or issued IAM token appears in any error or log line", async () => {
  const lines: string[] = [];
  const errors: unknown[] = [];
  const cache = new IamTokenCache();
  await lookup({ env: { YC_TOKEN: OAUTH }, cache, lines });
  await lookup({ env: { YC_SERVICE_ACCOUNT_KEY_FILE: keyPath }, cache, lines });
  emulator.injectFault({ status: 401, match: { clusterId: CLUSTER }, times: Infinity });
  errors.push(await rejectionOf(lookup({ env: { YC_TOKEN: OAUTH }, cache, lines })));
  errors.push(await rejectionOf(lookup({ env: { YC_SERVICE_ACCOUNT_KEY_FILE: keyJson }, cache, lines })));
  emulator.clearFaults();
  emulator.injectFault({ status: 500, match: { path: "/iam/v1/tokens" }, times: Infinity });
  errors.push(
    await rejectionOf(
      lookup({
        env: { YC_TOKEN: "y0_another0000" },
        lines,
        args: { retry: { retries: 1, minTimeoutMs: 1, maxTimeoutMs: 1 } },
      }),
    ),
  );
  emulator.clearFaults();
  const parsedKey = JSON.parse(keyJson) as { private_key: string };
  const corrupted = {
    ...parsedKey,
    private_key: parsedKey.private_key.replace("PRIVATE KEY-----\n", "PRIVATE KEY-----\nXX"),
  };
  errors.push(await rejectionOf(lookup({ env: { YC_SERVICE_ACCOUNT_KEY_FILE: JSON.stringify(corrupted) } })));
  const shown = [...errors.map(everythingShownOf), ...lines, JSON.stringify(emulator.requests)].join("\n");
  expect(errors).toHaveLength(4);
  expect(lines.length).toBeGreaterThan(4);
  const key = JSON.parse(keyJson) as { private_key: string };
  for (const secret of [
    OAUTH,
    "y0_another0000",
    key.private_key.split("\n")[2],
    "eyJ0eXAiOiJKV1QiLCJhbGciOiJQUzI1NiIs",
  ]) {
    expect(shown).not.toContain(secret);
  }
  expect(shown).not.toMatch(IAM_SHAPE);
});
