import { BackupLookupError } from "./backup-lookup-error";

export interface YandexApiErrorFacts {
  /** HTTP status of the last response, e.g. 404. */
  readonly httpStatus: number;
  /** gRPC status code from the error body (`google.rpc.Status.code`), when the body had one. */
  readonly grpcCode?: number;
  /** The API's own message from the error body, when there was one. */
  readonly apiMessage?: string;
  /** The server's `x-request-id` (or the `RequestInfo.requestId` of the body): what Yandex Cloud support asks for. */
  readonly requestId?: string;
  /** The `x-request-id` this client sent with the failing request. */
  readonly clientRequestId?: string;
  readonly clusterId: string;
  /** 1-based number of the page whose request failed. */
  readonly page: number;
  /** How many requests were made for that page, the failing one included. */
  readonly attempts: number;
  /** Whether the status is one this package retries (it was, until the budget ran out). */
  readonly retryable: boolean;
}

const GRPC_CODE_NAMES = [
  "OK",
  "CANCELLED",
  "UNKNOWN",
  "INVALID_ARGUMENT",
  "DEADLINE_EXCEEDED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION",
  "ABORTED",
  "OUT_OF_RANGE",
  "UNIMPLEMENTED",
  "INTERNAL",
  "UNAVAILABLE",
  "DATA_LOSS",
  "UNAUTHENTICATED",
];

export function grpcCodeName(code: number): string | undefined {
  return GRPC_CODE_NAMES[code];
}

/** The API answered with an HTTP error status (after retries, where the status is retryable). */
export class YandexApiError extends BackupLookupError implements YandexApiErrorFacts {
  readonly httpStatus: number;
  readonly grpcCode?: number;
  readonly apiMessage?: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly clusterId: string;
  readonly page: number;
  readonly attempts: number;
  readonly retryable: boolean;

  constructor(facts: YandexApiErrorFacts) {
    super(describe(facts));
    this.httpStatus = facts.httpStatus;
    this.grpcCode = facts.grpcCode;
    this.apiMessage = facts.apiMessage;
    this.requestId = facts.requestId;
    this.clientRequestId = facts.clientRequestId;
    this.clusterId = facts.clusterId;
    this.page = facts.page;
    this.attempts = facts.attempts;
    this.retryable = facts.retryable;
  }
}

function describe(f: YandexApiErrorFacts): string {
  const code = f.grpcCode === undefined ? "" : ` ${grpcCodeName(f.grpcCode) ?? "code"} (${f.grpcCode})`;
  const said = f.apiMessage ? `: ${f.apiMessage}` : "";
  const request = f.requestId ? `, request id ${f.requestId}` : "";
  return (
    `listBackups of cluster ${f.clusterId} failed with HTTP ${f.httpStatus}${code}${said} ` +
    `(page ${f.page}, ${attempts(f.attempts)}${request})`
  );
}

export function attempts(n: number): string {
  return n === 1 ? "1 attempt" : `${n} attempts`;
}
