import { IamTokenCache, type IssuedToken } from "../../src/credentials/iam-token-cache";
import { isIamToken } from "../../src/credentials/token-kind";

const MINUTE = 60_000;

describe("IamTokenCache", () => {
  let now = 0;
  let exchanges = 0;
  const cache = () => new IamTokenCache(() => now);
  const issue = (lifetimeMs: number) => async (): Promise<IssuedToken> => {
    exchanges++;
    return { iamToken: `t1.token${exchanges}.x`, expiresAtMs: now + lifetimeMs };
  };
  beforeEach(() => {
    now = 1_000_000;
    exchanges = 0;
  });

  it("reuses a token until 5 minutes before it expires", async () => {
    const c = cache();
    expect(await c.authorization("k", issue(30 * MINUTE))).toBe("Bearer t1.token1.x");
    now += 24 * MINUTE;
    expect(await c.authorization("k", issue(30 * MINUTE))).toBe("Bearer t1.token1.x");
    now += 1 * MINUTE + 1;
    expect(await c.authorization("k", issue(30 * MINUTE))).toBe("Bearer t1.token2.x");
    expect(exchanges).toBe(2);
  });

  it("never reuses a token for more than an hour, however long it lives", async () => {
    const c = cache();
    await c.authorization("k", issue(12 * 60 * MINUTE));
    now += 59 * MINUTE;
    await c.authorization("k", issue(12 * 60 * MINUTE));
    expect(exchanges).toBe(1);
    now += 1 * MINUTE;
    await c.authorization("k", issue(12 * 60 * MINUTE));
    expect(exchanges).toBe(2);
  });

  it("shares one exchange among concurrent callers, and keeps keys apart", async () => {
    const c = cache();
    const headers = await Promise.all([1, 2, 3, 4, 5].map(() => c.authorization("k", issue(60 * MINUTE))));
    expect(new Set(headers).size).toBe(1);
    expect(exchanges).toBe(1);
    await c.authorization("other", issue(60 * MINUTE));
    expect(exchanges).toBe(2);
  });

  it("does not keep a failed exchange, and forgets an invalidated token", async () => {
    const c = cache();
    await expect(c.authorization("k", () => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    const header = await c.authorization("k", issue(60 * MINUTE));
    c.invalidate("k", "Bearer something else");
    expect(await c.authorization("k", issue(60 * MINUTE))).toBe(header);
    c.invalidate("k", header);
    expect(await c.authorization("k", issue(60 * MINUTE))).not.toBe(header);
  });

  it("keys by digest, never by the credential", () => {
    const key = IamTokenCache.keyOf("oauth", "https://iam.example", "y0_secret");
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain("secret");
  });
});

describe("isIamToken", () => {
  it.each([
    ["t1.abc.def", true],
    ["t1.9euelZq.Yx7Q0hM3", true],
    ["t1.abc", false],
    ["t1.a.b.c", false],
    ["y0_AgAAAAB", false],
    ["T1.abc.def", false],
  ])("%s → %s", (token, iam) => {
    expect(isIamToken(token)).toBe(iam);
  });
});
