import { BackupLookupError } from "./backup-lookup-error";
import { attempts, statusText } from "./status-text";

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
  const request = f.requestId ? `, request id ${f.requestId}` : "";
  return (
    `listBackups of cluster ${f.clusterId} failed with ${statusText(f.httpStatus, f.grpcCode, f.apiMessage)} ` +
    `(page ${f.page}, ${attempts(f.attempts)}${request})`
  );
}
