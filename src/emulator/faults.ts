import type { PreparedResponse } from "./prepared-response";
import { grpcCodeForHttpStatus, httpStatusForGrpcCode, statusJson } from "./status-json";

/**
 * A misbehaviour to inject. `match` picks the requests (all given conditions must hold); among those,
 * counted from when the fault was added, requests nth .. nth+times-1 get the fault.
 */
export interface FaultSpec {
  match?: {
    /** Compared with the URL path (no query). */
    path?: string | RegExp;
    clusterId?: string;
    /** null (or "") = a request without a token, i.e. a first page. */
    pageToken?: string | null;
  };
  /** 1-based: the first matching request that gets the fault (default 1). */
  nth?: number;
  /** How many matching requests get it, starting at nth (default 1; Infinity = every one). */
  times?: number;
  /** Answer with this status and an error body (gRPC code derived from it when absent). */
  status?: number;
  /** Answer with this gRPC code (HTTP status derived from it when absent). */
  grpcCode?: number;
  message?: string;
  retryAfter?: string | number;
  /** Raw body instead of the error JSON; with no status, 200 and this body. */
  body?: string;
  /** Wait before answering; alone, then answer normally. */
  delayMs?: number;
  /** Destroy the socket with no response, or after the headers and half of the real body. */
  reset?: "before-response" | "mid-body";
  /** 200 with a complete response whose body is the real one cut in half. */
  truncateJson?: boolean;
}

/** The handle `injectFault` returns. */
export interface InjectedFault {
  readonly fired: number;
  remove(): void;
}

/** What a fault can be matched on. */
export interface FaultTarget {
  readonly path: string;
  readonly clusterId?: string;
  readonly pageToken?: string;
}

interface ActiveFault {
  readonly spec: FaultSpec;
  readonly first: number;
  readonly last: number;
  matched: number;
  fired: number;
}

function isNonNegativeNumber(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

function isIntegerIn(value: unknown, low: number, high: number): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= low && value <= high;
}

export function validateFaultSpec(spec: FaultSpec): void {
  const fail = (problem: string): never => {
    throw new TypeError(`invalid fault: ${problem}`);
  };
  if (typeof spec !== "object" || spec === null) fail("expected an object");
  const { match } = spec;
  if (match !== undefined) {
    if (typeof match !== "object" || match === null) fail("match must be an object");
    if (match.path !== undefined && typeof match.path !== "string" && !(match.path instanceof RegExp)) {
      fail("match.path must be a string or a RegExp");
    }
    if (match.clusterId !== undefined && typeof match.clusterId !== "string") {
      fail("match.clusterId must be a string");
    }
    if (match.pageToken !== undefined && match.pageToken !== null && typeof match.pageToken !== "string") {
      fail("match.pageToken must be a string or null");
    }
  }
  if (spec.nth !== undefined && !isIntegerIn(spec.nth, 1, Number.MAX_SAFE_INTEGER)) {
    fail("nth must be an integer of at least 1");
  }
  if (
    spec.times !== undefined &&
    spec.times !== Infinity &&
    !isIntegerIn(spec.times, 1, Number.MAX_SAFE_INTEGER)
  ) {
    fail("times must be an integer of at least 1, or Infinity");
  }
  if (spec.status !== undefined && !isIntegerIn(spec.status, 100, 599)) fail("status must be an HTTP status");
  if (spec.grpcCode !== undefined && !isIntegerIn(spec.grpcCode, 0, 16)) fail("grpcCode must be 0..16");
  if (spec.delayMs !== undefined && !isNonNegativeNumber(spec.delayMs)) fail("delayMs must be >= 0");
  if (spec.reset !== undefined && spec.reset !== "before-response" && spec.reset !== "mid-body") {
    fail('reset must be "before-response" or "mid-body"');
  }
  if (spec.body !== undefined && typeof spec.body !== "string") fail("body must be a string");
  if (spec.message !== undefined && typeof spec.message !== "string") fail("message must be a string");
  if (
    spec.retryAfter !== undefined &&
    typeof spec.retryAfter !== "string" &&
    typeof spec.retryAfter !== "number"
  ) {
    fail("retryAfter must be a string or a number");
  }

  const answersWithError =
    spec.status !== undefined || spec.grpcCode !== undefined || spec.body !== undefined;
  if (spec.reset !== undefined && (answersWithError || spec.truncateJson === true)) {
    fail("reset cannot be combined with status, grpcCode, body or truncateJson");
  }
  if (spec.truncateJson === true && answersWithError) {
    fail("truncateJson cannot be combined with status, grpcCode or body");
  }
  if (spec.message !== undefined && spec.status === undefined && spec.grpcCode === undefined) {
    fail("message needs a status or a grpcCode");
  }
  const acts =
    answersWithError ||
    spec.reset !== undefined ||
    spec.truncateJson === true ||
    spec.delayMs !== undefined ||
    spec.retryAfter !== undefined;
  if (!acts) fail("it does nothing: give status, grpcCode, body, delayMs, retryAfter, reset or truncateJson");
}

function matches(spec: FaultSpec, target: FaultTarget): boolean {
  const match = spec.match;
  if (match === undefined) return true;
  if (typeof match.path === "string" && match.path !== target.path) return false;
  if (match.path instanceof RegExp) {
    match.path.lastIndex = 0;
    if (!match.path.test(target.path)) return false;
  }
  if (match.clusterId !== undefined && match.clusterId !== target.clusterId) return false;
  if (match.pageToken !== undefined && (match.pageToken ?? "") !== (target.pageToken ?? "")) return false;
  return true;
}

/** Injected faults, in the order they were added. */
export class FaultRegistry {
  private active: ActiveFault[] = [];

  inject(spec: FaultSpec): InjectedFault {
    validateFaultSpec(spec);
    const first = spec.nth ?? 1;
    const fault: ActiveFault = { spec, first, last: first + (spec.times ?? 1) - 1, matched: 0, fired: 0 };
    this.active.push(fault);
    return {
      get fired() {
        return fault.fired;
      },
      remove: () => {
        this.active = this.active.filter((candidate) => candidate !== fault);
      },
    };
  }

  clear(): void {
    this.active = [];
  }

  /**
   * Counts the request against every fault it matches and returns the spec of the first (earliest added)
   * whose window it falls in. A later fault whose window it also falls in does not fire for it.
   */
  take(target: FaultTarget): FaultSpec | undefined {
    let firing: ActiveFault | undefined;
    for (const fault of this.active) {
      if (!matches(fault.spec, target)) continue;
      fault.matched++;
      if (firing === undefined && fault.matched >= fault.first && fault.matched <= fault.last) firing = fault;
    }
    if (firing === undefined) return undefined;
    firing.fired++;
    return firing.spec;
  }
}

const DEFAULT_MESSAGES: readonly string[] = [
  "OK",
  "Request cancelled",
  "Unknown error",
  "Invalid argument",
  "Deadline exceeded",
  "Not found",
  "Already exists",
  "Permission denied",
  "Resource exhausted: too many requests",
  "Failed precondition",
  "Aborted",
  "Out of range",
  "Not implemented",
  "Internal error",
  "The service is unavailable, try again in a few seconds",
  "Data loss",
  "Unauthenticated",
];

/** The answer a fault replaces the real one with, or undefined when the real answer is still wanted. */
export function faultResponse(spec: FaultSpec, requestId: string): PreparedResponse | undefined {
  const status =
    spec.status ?? (spec.grpcCode === undefined ? undefined : httpStatusForGrpcCode(spec.grpcCode));
  if (spec.body !== undefined) return { status: status ?? 200, body: spec.body };
  if (status === undefined) return undefined;
  const grpcCode = spec.grpcCode ?? grpcCodeForHttpStatus(status);
  const message = spec.message ?? DEFAULT_MESSAGES[grpcCode] ?? "Error";
  return { status, body: statusJson(grpcCode, message, requestId) };
}

/** A short description for the request log. */
export function describeFault(spec: FaultSpec): string {
  const parts: string[] = [];
  if (spec.delayMs !== undefined) parts.push(`delay ${spec.delayMs}ms`);
  if (spec.reset !== undefined) parts.push(`reset ${spec.reset}`);
  if (spec.truncateJson === true) parts.push("truncated JSON");
  if (spec.status !== undefined) parts.push(`status ${spec.status}`);
  if (spec.grpcCode !== undefined) parts.push(`grpc code ${spec.grpcCode}`);
  if (spec.body !== undefined) parts.push(`raw body (${spec.body.length} chars)`);
  if (spec.retryAfter !== undefined) parts.push(`Retry-After ${spec.retryAfter}`);
  return parts.join(", ");
}
