import type { BackupFilter } from "../backups/backup-filter";
import { compareInstants, parseInstant } from "../backups/instant";
import { InvalidArgumentError } from "../errors";
import { CONFIG_KEYS, type StackConfig } from "../credentials/stack-config";
import { DEFAULT_API_HOST, serviceUrls, type ServiceUrls } from "../http/endpoint";
import { resolveRetryPolicy, type RetryPolicy } from "../retry/retry-policy";
import { DEFAULT_MAX_PAGES, DEFAULT_PAGE_SIZE, DEFAULT_TIMEOUT_MS, type LookupArgs } from "./lookup-args";

/** LookupArgs checked and completed with defaults: everything a lookup needs, before any request. */
export interface LookupRequest {
  readonly clusterId: string;
  readonly filter: BackupFilter;
  /** The filters as the caller wrote them, for NoMatchingBackupsError. */
  readonly filtersGiven: Record<string, unknown>;
  readonly limit?: number;
  readonly failIfEmpty: boolean;
  readonly pageSize: number;
  readonly maxPages: number;
  readonly urls: ServiceUrls;
  readonly token?: string;
  readonly serviceAccountKey?: string;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

const CLUSTER_ID = /^[A-Za-z0-9_-]{1,50}$/;

/** Every argument a lookup takes. */
export const LOOKUP_ARG_NAMES = [
  "clusterId",
  "databases",
  "createdAfter",
  "createdBefore",
  "limit",
  "failIfEmpty",
  "pageSize",
  "maxPages",
  "endpoint",
  "token",
  "serviceAccountKey",
  "retry",
  "timeoutMs",
  "signal",
] as const satisfies readonly (keyof LookupArgs)[];

const KNOWN_ARGS = new Set<string>(LOOKUP_ARG_NAMES);

/** Checks every argument and fills in defaults; throws InvalidArgumentError naming the first bad one. */
export function parseLookupRequest(
  args: LookupArgs,
  env: NodeJS.ProcessEnv,
  config?: StackConfig,
): LookupRequest {
  if (typeof args !== "object" || args === null || Array.isArray(args)) {
    throw new InvalidArgumentError("args", "must be an object with at least clusterId");
  }
  for (const key of Object.keys(args)) {
    if (!KNOWN_ARGS.has(key)) throw new InvalidArgumentError(key, "is not an argument of getClusterBackups");
  }
  const clusterId = args.clusterId;
  if (typeof clusterId !== "string" || !CLUSTER_ID.test(clusterId)) {
    throw new InvalidArgumentError(
      "clusterId",
      `must be 1–50 letters, digits, '-' or '_', got ${describeValue(clusterId)}`,
    );
  }

  const filtersGiven: Record<string, unknown> = {};
  const databases = optional(args.databases, "databases", (v) => {
    if (!Array.isArray(v)) return "must be an array of database names";
    const bad = v.findIndex((name) => typeof name !== "string" || name === "");
    return bad < 0 ? undefined : `databases[${bad}] must be a non-empty string`;
  });
  if (databases !== undefined) filtersGiven.databases = [...databases];
  const createdAfter = instantArg(args.createdAfter, "createdAfter", filtersGiven);
  const createdBefore = instantArg(args.createdBefore, "createdBefore", filtersGiven);
  if (createdAfter && createdBefore) {
    if (compareInstants(createdAfter, createdBefore) > 0)
      throw new InvalidArgumentError("createdAfter", "is later than createdBefore: nothing can match");
  }
  const limit = integerArg(args.limit, "limit", 1, Number.MAX_SAFE_INTEGER);
  if (limit !== undefined) filtersGiven.limit = limit;
  const failIfEmpty = optional(args.failIfEmpty, "failIfEmpty", (v) =>
    typeof v === "boolean" ? undefined : "must be true or false",
  );

  const endpointArg = optional(args.endpoint, "endpoint", (v) =>
    typeof v === "string" && v !== "" ? undefined : "must be a non-empty string",
  );
  const configEndpoint = config?.get(CONFIG_KEYS.endpoint) || undefined;
  const [endpoint, endpointSource] =
    endpointArg !== undefined
      ? [endpointArg, "endpoint"]
      : configEndpoint !== undefined
        ? [configEndpoint, CONFIG_KEYS.endpoint]
        : env.YC_ENDPOINT
          ? [env.YC_ENDPOINT, "YC_ENDPOINT"]
          : [DEFAULT_API_HOST, "endpoint"];
  const urls = serviceUrls(endpoint, endpointSource);
  const token = optional(args.token, "token", (v) =>
    typeof v === "string" && v !== "" ? undefined : "must be a non-empty string (value not shown)",
  );
  const serviceAccountKey = optional(args.serviceAccountKey, "serviceAccountKey", (v) =>
    typeof v === "string" && v !== "" ? undefined : "must be a path or the key's JSON (value not shown)",
  );
  const signal = optional(args.signal, "signal", (v) =>
    v instanceof AbortSignal ? undefined : "must be an AbortSignal",
  );

  return {
    clusterId,
    filter: { databases, createdAfter, createdBefore },
    filtersGiven,
    limit,
    failIfEmpty: failIfEmpty ?? false,
    pageSize: integerArg(args.pageSize, "pageSize", 1, 1000) ?? DEFAULT_PAGE_SIZE,
    maxPages: integerArg(args.maxPages, "maxPages", 1, 1_000_000) ?? DEFAULT_MAX_PAGES,
    urls,
    token,
    serviceAccountKey,
    retry: resolveRetryPolicy(args.retry),
    timeoutMs: integerArg(args.timeoutMs, "timeoutMs", 1, 3_600_000) ?? DEFAULT_TIMEOUT_MS,
    signal,
  };
}

function optional<T>(
  value: T | undefined,
  name: string,
  problem: (v: unknown) => string | undefined,
): T | undefined {
  if (value === undefined) return undefined;
  const found = problem(value);
  if (found) throw new InvalidArgumentError(name, found);
  return value;
}

function integerArg(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidArgumentError(
      name,
      `must be an integer from ${min} to ${max}, got ${describeValue(value)}`,
    );
  }
  return value;
}

function instantArg(value: unknown, name: "createdAfter" | "createdBefore", given: Record<string, unknown>) {
  if (value === undefined) return undefined;
  const instant = typeof value === "string" ? parseInstant(value) : undefined;
  if (!instant) {
    throw new InvalidArgumentError(
      name,
      `must be an RFC 3339 timestamp such as 2026-11-28T03:00:00Z, got ${describeValue(value)}`,
    );
  }
  given[name] = value;
  return instant;
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (value === null || typeof value !== "object") return String(value);
  return Array.isArray(value) ? "an array" : "an object";
}
