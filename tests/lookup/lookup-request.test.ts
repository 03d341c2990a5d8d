import { InvalidArgumentError } from "../../src/errors";
import type { LookupArgs } from "../../src/lookup/lookup-args";
import { parseLookupRequest } from "../../src/lookup/lookup-request";

function refusal(args: unknown, env: NodeJS.ProcessEnv = {}): InvalidArgumentError {
  try {
    parseLookupRequest(args as LookupArgs, env);
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error("expected an InvalidArgumentError");
}

describe("parseLookupRequest", () => {
  it("fills in the documented defaults", () => {
    const request = parseLookupRequest({ clusterId: "c9q-abc_1" }, {});
    expect(request).toMatchObject({
      clusterId: "c9q-abc_1",
      pageSize: 1000,
      maxPages: 10000,
      timeoutMs: 30000,
      failIfEmpty: false,
      urls: {
        mdb: "https://mdb.api.cloud.yandex.net",
        iam: "https://iam.api.cloud.yandex.net",
        operation: "https://operation.api.cloud.yandex.net",
      },
      retry: { retries: 5, minTimeoutMs: 1000, maxTimeoutMs: 20000, maxRetryTimeMs: 120000 },
    });
  });

  it("takes the endpoint from the argument, else YC_ENDPOINT", () => {
    expect(parseLookupRequest({ clusterId: "c" }, { YC_ENDPOINT: "api.yandexcloud.kz:443" }).urls.mdb).toBe(
      "https://mdb.api.yandexcloud.kz:443",
    );
    expect(
      parseLookupRequest(
        { clusterId: "c", endpoint: "http://127.0.0.1:8080/base/" },
        { YC_ENDPOINT: "x.example" },
      ).urls.mdb,
    ).toBe("http://127.0.0.1:8080/base");
  });

  it.each<[string, unknown, string]>([
    ["args", null, "args"],
    ["args", "c9q", "args"],
    ["missing clusterId", {}, "clusterId"],
    ["empty clusterId", { clusterId: "" }, "clusterId"],
    ["long clusterId", { clusterId: "c".repeat(51) }, "clusterId"],
    ["clusterId with a slash", { clusterId: "c9q/../x" }, "clusterId"],
    ["clusterId with a space", { clusterId: "c9q x" }, "clusterId"],
    ["numeric clusterId", { clusterId: 42 }, "clusterId"],
    ["unknown argument", { clusterId: "c", clusterID: "c" }, "clusterID"],
    ["databases not an array", { clusterId: "c", databases: "orders" }, "databases"],
    ["empty database name", { clusterId: "c", databases: ["orders", ""] }, "databases"],
    ["createdAfter not RFC 3339", { clusterId: "c", createdAfter: "2026-11-28" }, "createdAfter"],
    ["createdBefore not a string", { clusterId: "c", createdBefore: 1764298800 }, "createdBefore"],
    [
      "empty range",
      { clusterId: "c", createdAfter: "2026-11-28T00:00:01Z", createdBefore: "2026-11-28T00:00:00Z" },
      "createdAfter",
    ],
    ["limit 0", { clusterId: "c", limit: 0 }, "limit"],
    ["limit fractional", { clusterId: "c", limit: 1.5 }, "limit"],
    ["failIfEmpty string", { clusterId: "c", failIfEmpty: "yes" }, "failIfEmpty"],
    ["pageSize 0", { clusterId: "c", pageSize: 0 }, "pageSize"],
    ["pageSize 1001", { clusterId: "c", pageSize: 1001 }, "pageSize"],
    ["pageSize NaN", { clusterId: "c", pageSize: NaN }, "pageSize"],
    ["maxPages 0", { clusterId: "c", maxPages: 0 }, "maxPages"],
    ["endpoint empty", { clusterId: "c", endpoint: "" }, "endpoint"],
    ["endpoint ftp", { clusterId: "c", endpoint: "ftp://host" }, "endpoint"],
    ["endpoint with path but no scheme", { clusterId: "c", endpoint: "host/path" }, "endpoint"],
    ["endpoint with credentials", { clusterId: "c", endpoint: "https://u:p@host" }, "endpoint"],
    ["endpoint port out of range", { clusterId: "c", endpoint: "host:70000" }, "endpoint"],
    ["token empty", { clusterId: "c", token: "" }, "token"],
    ["token not a string", { clusterId: "c", token: 5 }, "token"],
    ["retry not an object", { clusterId: "c", retry: 5 }, "retry"],
    ["retry unknown option", { clusterId: "c", retry: { attempts: 3 } }, "retry.attempts"],
    ["retry negative", { clusterId: "c", retry: { retries: -1 } }, "retry.retries"],
    ["retry fractional count", { clusterId: "c", retry: { retries: 1.5 } }, "retry.retries"],
    [
      "retry max below min",
      { clusterId: "c", retry: { minTimeoutMs: 500, maxTimeoutMs: 100 } },
      "retry.maxTimeoutMs",
    ],
    ["timeoutMs 0", { clusterId: "c", timeoutMs: 0 }, "timeoutMs"],
    ["signal not a signal", { clusterId: "c", signal: {} }, "signal"],
  ])("refuses %s", (_name, args, argument) => {
    const error = refusal(args);
    expect(error.argument).toBe(argument);
    expect(error.message).toMatch(new RegExp(`^invalid argument ${argument.replace(".", "\\.")}: `));
  });

  it("refuses a bad YC_ENDPOINT naming the variable", () => {
    expect(refusal({ clusterId: "c" }, { YC_ENDPOINT: "not a host" }).argument).toBe("YC_ENDPOINT");
  });

  it("never quotes a token it refuses", () => {
    const error = refusal({ clusterId: "c", token: 5 });
    expect(error.message).not.toContain("5");
  });
});
