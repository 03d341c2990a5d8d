import { randomUUID } from "node:crypto";
import { startEmulator, type AuthorizedKey, type Emulator } from "../../src/emulator";
import {
  exchangeForIamToken,
  IAM_TOKEN_SHAPE,
  postIamTokens,
  privateKeyOf,
  signServiceAccountJwt,
} from "./iam-client";
import { callListBackups, callPath, numberedBackups, type ListBackupsCall } from "./list-backups-client";

const CLUSTER = "c9qiam0000000000001";
const OAUTH_TOKEN = "y0_AgAAAAOAuthTokenOfTheIamTests0000000000";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let emulator: Emulator;
let key: AuthorizedKey;
let otherKey: AuthorizedKey;

beforeAll(async () => {
  emulator = await startEmulator({ oauthTokens: [OAUTH_TOKEN], clusters: { [CLUSTER]: numberedBackups(3) } });
  key = emulator.createServiceAccountKey();
  otherKey = emulator.createServiceAccountKey();
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.clearFaults();
  emulator.clearRequests();
  emulator.setLatency(0);
  emulator.setIamTokenLifetime(12 * 60 * 60 * 1000);
});

function expectFailure(call: ListBackupsCall, status: number, grpcCode: number, mentions?: string): void {
  expect(call.status).toBe(status);
  const requestId = call.headers.get("x-request-id");
  expect(requestId).toMatch(UUID);
  const body = JSON.parse(call.text) as { code: number; message: string };
  expect(body).toEqual({
    code: grpcCode,
    message: expect.any(String),
    details: [{ "@type": "type.googleapis.com/google.rpc.RequestInfo", requestId }],
  });
  if (mentions !== undefined) expect(body.message).toContain(mentions);
}

function expectIssued(call: ListBackupsCall, lifetimeMs = 12 * 60 * 60 * 1000): string {
  expect(call.status).toBe(200);
  expect(call.headers.get("content-type")).toBe("application/json");
  const body = JSON.parse(call.text) as { iamToken: string; expiresAt: string };
  expect(Object.keys(body)).toEqual(["iamToken", "expiresAt"]);
  expect(body.iamToken).toMatch(IAM_TOKEN_SHAPE);
  expect(body.iamToken.split(".")).toHaveLength(3);
  expect(body.expiresAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  expect(Math.abs(Date.parse(body.expiresAt) - (Date.now() + lifetimeMs))).toBeLessThan(5000);
  return body.iamToken;
}

describe("exchanging an OAuth token", () => {
  it("gives a new IAM token for a registered OAuth token, without a bearer token", async () => {
    const first = expectIssued(await postIamTokens(emulator, { yandexPassportOauthToken: OAUTH_TOKEN }));
    const second = expectIssued(await postIamTokens(emulator, { yandexPassportOauthToken: OAUTH_TOKEN }));
    expect(second).not.toBe(first);
  });

  it("refuses an OAuth token that was never registered with 401 UNAUTHENTICATED", async () => {
    const before = emulator.issuedTokenCount;
    expectFailure(await postIamTokens(emulator, { yandexPassportOauthToken: "y0_unknown" }), 401, 16);
    expect(emulator.issuedTokenCount).toBe(before);
  });

  it("accepts tokens registered after start", async () => {
    expectFailure(await postIamTokens(emulator, { yandexPassportOauthToken: "y0_late" }), 401, 16);
    emulator.registerOAuthToken("y0_late");
    expectIssued(await postIamTokens(emulator, { yandexPassportOauthToken: "y0_late" }));
  });
});

describe("exchanging a service-account JWT", () => {
  it("gives a new IAM token for a PS256 JWT signed with the key's private key", async () => {
    expectIssued(await postIamTokens(emulator, { jwt: signServiceAccountJwt(key) }));
  });

  it("accepts a JWT that lives exactly an hour and one issued up to 5 minutes ahead", async () => {
    const now = Math.floor(Date.now() / 1000);
    const ahead = { iat: now + 240, exp: now + 600 };
    expectIssued(await postIamTokens(emulator, { jwt: signServiceAccountJwt(key, { nowSeconds: now }) }));
    expectIssued(await postIamTokens(emulator, { jwt: signServiceAccountJwt(key, { payload: ahead }) }));
  });

  it("works with a 4096-bit key without the warning line", async () => {
    const big = emulator.createServiceAccountKey({ modulusLength: 4096, withWarningLine: false });
    expect(big.key_algorithm).toBe("RSA_4096");
    expectIssued(await postIamTokens(emulator, { jwt: signServiceAccountJwt(big) }));
  });

  it.each<[string, (k: AuthorizedKey) => string, number, number, string]>([
    ["alg RS256", (k) => signServiceAccountJwt(k, { header: { alg: "RS256" } }), 400, 3, "alg"],
    ["alg none", (k) => signServiceAccountJwt(k, { header: { alg: "none" } }), 400, 3, "alg"],
    ["typ missing", (k) => signServiceAccountJwt(k, { header: { typ: undefined } }), 400, 3, "typ"],
    ["kid missing", (k) => signServiceAccountJwt(k, { header: { kid: undefined } }), 400, 3, "kid"],
    [
      "an unknown kid",
      (k) => signServiceAccountJwt(k, { header: { kid: "ajeunknownkey0000000" } }),
      401,
      16,
      "kid",
    ],
    [
      "a wrong iss",
      (k) => signServiceAccountJwt(k, { payload: { iss: "ajeother000000000000" } }),
      401,
      16,
      "iss",
    ],
    [
      "a wrong aud",
      (k) => signServiceAccountJwt(k, { payload: { aud: "https://example.com" } }),
      401,
      16,
      "aud",
    ],
    [
      "exp - iat > 3600",
      (k) => signServiceAccountJwt(k, { payload: { exp: Math.floor(Date.now() / 1000) + 3601 } }),
      401,
      16,
      "exp - iat",
    ],
    [
      "an expired JWT",
      (k) => signServiceAccountJwt(k, { nowSeconds: Math.floor(Date.now() / 1000) - 3700 }),
      401,
      16,
      "exp",
    ],
    [
      "iat more than 5 minutes ahead",
      (k) => signServiceAccountJwt(k, { nowSeconds: Math.floor(Date.now() / 1000) + 400 }),
      401,
      16,
      "iat",
    ],
    ["iat not a number", (k) => signServiceAccountJwt(k, { payload: { iat: "now" } }), 401, 16, "iat"],
    [
      "a signature by another key",
      (k) => signServiceAccountJwt(k, { privateKey: privateKeyOf(otherKey) }),
      401,
      16,
      "signature",
    ],
    [
      "a PSS salt that is not 32 bytes",
      (k) => signServiceAccountJwt(k, { saltLength: 64 }),
      401,
      16,
      "signature",
    ],
    [
      "a tampered payload",
      (k) => {
        const [header, , signature] = signServiceAccountJwt(k).split(".");
        const payload = signServiceAccountJwt(k, { payload: { extra: 1 } }).split(".")[1];
        return `${header}.${payload}.${signature}`;
      },
      401,
      16,
      "signature",
    ],
    ["two parts", (k) => signServiceAccountJwt(k).split(".").slice(0, 2).join("."), 400, 3, "JWT"],
    ["four parts", (k) => `${signServiceAccountJwt(k)}.x`, 400, 3, "JWT"],
    ["not base64url", (k) => signServiceAccountJwt(k).replace(".", ".+/"), 400, 3, "JWT"],
    [
      "a header that is not JSON",
      (k) => `bm90IGpzb24.${signServiceAccountJwt(k).split(".").slice(1).join(".")}`,
      400,
      3,
      "header",
    ],
    ["garbage", () => "not-a-jwt", 400, 3, "JWT"],
  ])("refuses %s", async (_case, makeJwt, status, grpcCode, mentions) => {
    const before = emulator.issuedTokenCount;
    expectFailure(await postIamTokens(emulator, { jwt: makeJwt(key) }), status, grpcCode, mentions);
    expect(emulator.issuedTokenCount).toBe(before);
  });

  it("accepts a key registered from its public part", async () => {
    const generated = emulator.createServiceAccountKey();
    const other = await startEmulator();
    try {
      expectFailure(await postIamTokens(other, { jwt: signServiceAccountJwt(generated) }), 401, 16, "kid");
      other.registerServiceAccountKey({
        id: generated.id,
        service_account_id: generated.service_account_id,
        public_key: generated.public_key,
      });
      expectIssued(await postIamTokens(other, { jwt: signServiceAccountJwt(generated) }));
    } finally {
      await other.close();
    }
  });
});

describe("the IAM request itself", () => {
  it.each([
    ["neither field", {}],
    ["both fields", { yandexPassportOauthToken: OAUTH_TOKEN, jwt: "a.b.c" }],
    ["bad JSON", '{"jwt": '],
    ["an empty body", ""],
    ["a JSON array", "[]"],
    ["an empty OAuth token", { yandexPassportOauthToken: "" }],
    ["a JWT that is not a string", { jwt: 42 }],
  ])("refuses %s with 400 INVALID_ARGUMENT", async (_case, body) => {
    expectFailure(await postIamTokens(emulator, body), 400, 3);
  });

  it("refuses a body over 64 KiB with 400", async () => {
    expectFailure(await postIamTokens(emulator, { jwt: "a".repeat(70_000) }), 400, 3, "too large");
  });

  it("answers other methods with 501, without asking for a token", async () => {
    expectFailure(await callPath(emulator, "/iam/v1/tokens", { token: null }), 501, 12);
  });

  it("ignores any Authorization header", async () => {
    const call = await postIamTokens(
      emulator,
      { yandexPassportOauthToken: OAUTH_TOKEN },
      { authorization: "Bearer t1.not.accepted" },
    );
    expectIssued(call);
  });

  it("counts issued tokens", async () => {
    const before = emulator.issuedTokenCount;
    await exchangeForIamToken(emulator, { yandexPassportOauthToken: OAUTH_TOKEN });
    await exchangeForIamToken(emulator, { jwt: signServiceAccountJwt(key) });
    await postIamTokens(emulator, { jwt: "bad" });
    expect(emulator.issuedTokenCount).toBe(before + 2);
  });
});

describe("issued IAM tokens", () => {
  it("are accepted by listBackups, alongside the configured token", async () => {
    const { iamToken } = await exchangeForIamToken(emulator, { jwt: signServiceAccountJwt(key) });
    expect((await callListBackups(emulator, CLUSTER, {}, { token: iamToken })).status).toBe(200);
    expect((await callListBackups(emulator, CLUSTER)).status).toBe(200);
    expect((await callListBackups(emulator, "c9qnosuchcluster", {}, { token: iamToken })).status).toBe(404);
  });

  it("are not accepted by another emulator", async () => {
    const { iamToken } = await exchangeForIamToken(emulator, { yandexPassportOauthToken: OAUTH_TOKEN });
    const other = await startEmulator({ clusters: { [CLUSTER]: [] } });
    try {
      expectFailure(await callListBackups(other, CLUSTER, {}, { token: iamToken }), 401, 16);
    } finally {
      await other.close();
    }
  });

  it("expire after the lifetime, then get 401 UNAUTHENTICATED", async () => {
    emulator.setIamTokenLifetime(1500);
    const call = await postIamTokens(emulator, { yandexPassportOauthToken: OAUTH_TOKEN });
    const iamToken = expectIssued(call, 1500);
    expect((await callListBackups(emulator, CLUSTER, {}, { token: iamToken })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const expired = await callListBackups(emulator, CLUSTER, {}, { token: iamToken });
    expectFailure(expired, 401, 16, "expired");
    expect(emulator.listRequests(CLUSTER).map((r) => r.authorization)).toEqual(["accepted", "expired"]);
  });

  it("take their lifetime from the iamTokenLifetimeMs option", async () => {
    const other = await startEmulator({ oauthTokens: [OAUTH_TOKEN], iamTokenLifetimeMs: 60_000 });
    try {
      expectIssued(await postIamTokens(other, { yandexPassportOauthToken: OAUTH_TOKEN }), 60_000);
    } finally {
      await other.close();
    }
  });
});

describe("faults, latency and the request log on the IAM path", () => {
  it("fire faults matched on the path: 503, then success", async () => {
    const fault = emulator.injectFault({ status: 503, match: { path: "/iam/v1/tokens" } });
    const body = { yandexPassportOauthToken: OAUTH_TOKEN };
    expectFailure(await postIamTokens(emulator, body), 503, 14);
    expectIssued(await postIamTokens(emulator, body));
    expect(fault.fired).toBe(1);
    expect(emulator.requests.map((r) => [r.status, r.fault])).toEqual([
      [503, "status 503"],
      [200, undefined],
    ]);
  });

  it("fire unmatched faults too, and reset the connection when asked", async () => {
    emulator.injectFault({ reset: "before-response" });
    await expect(postIamTokens(emulator, { jwt: signServiceAccountJwt(key) })).rejects.toThrow();
    expect(emulator.requests[0]).toMatchObject({
      status: 0,
      exchange: "jwt",
      fault: "reset before-response",
    });
  });

  it("delays by the latency", async () => {
    emulator.setLatency(60);
    const started = Date.now();
    await exchangeForIamToken(emulator, { yandexPassportOauthToken: OAUTH_TOKEN });
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it("records the exchange's facts", async () => {
    const clientRequestId = randomUUID();
    const ok = await postIamTokens(
      emulator,
      { yandexPassportOauthToken: OAUTH_TOKEN },
      { "x-request-id": clientRequestId },
    );
    await postIamTokens(emulator, { jwt: signServiceAccountJwt(key, { header: { alg: "RS256" } }) });
    await postIamTokens(emulator, "{");
    expect(emulator.requests).toEqual([
      {
        seq: expect.any(Number),
        method: "POST",
        path: "/iam/v1/tokens",
        clientRequestId,
        serverRequestId: ok.headers.get("x-request-id"),
        authorization: "none",
        exchange: "oauth",
        status: 200,
        at: expect.any(Number),
      },
      expect.objectContaining({ exchange: "jwt", status: 400 }),
      expect.not.objectContaining({ exchange: expect.anything() }),
    ]);
    expect(emulator.listRequests()).toEqual([]);
  });

  it("never records a JWT, an OAuth token or an IAM token", async () => {
    const jwt = signServiceAccountJwt(key);
    const [, payload, signature] = jwt.split(".");
    const fromJwt = await exchangeForIamToken(emulator, { jwt });
    const fromOAuth = await exchangeForIamToken(emulator, { yandexPassportOauthToken: OAUTH_TOKEN });
    await postIamTokens(emulator, { yandexPassportOauthToken: "y0_unregisteredSecret" });
    await callListBackups(emulator, CLUSTER, {}, { token: fromJwt.iamToken });
    await callListBackups(emulator, CLUSTER, {}, { token: fromOAuth.iamToken });
    const logged = JSON.stringify([emulator.requests, emulator.listRequests()]);
    for (const secret of [
      jwt,
      payload,
      signature,
      OAUTH_TOKEN,
      "y0_unregisteredSecret",
      fromJwt.iamToken,
      fromOAuth.iamToken,
      fromJwt.iamToken.split(".")[2],
    ]) {
      expect(logged).not.toContain(secret);
    }
  });
});

describe("options and controls are checked", () => {
  it.each([
    [{ oauthTokens: [""] }],
    [{ oauthTokens: "y0_token" }],
    [{ iamTokenLifetimeMs: 0 }],
    [{ iamTokenLifetimeMs: Number.NaN }],
    [{ metadata: "yes" }],
  ])("refuses %j", async (options) => {
    await expect(startEmulator(options as never)).rejects.toThrow(TypeError);
  });

  it("refuses a bad lifetime and an empty OAuth token", () => {
    expect(() => emulator.setIamTokenLifetime(-1)).toThrow(TypeError);
    expect(() => emulator.registerOAuthToken("")).toThrow(TypeError);
  });
});
