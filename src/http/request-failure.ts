import { AttemptFailure } from "../retry/attempt-failure";

/** What is known of a failed request, for whoever builds the public error. */
export type RequestFailureFacts =
  | {
      /** The server answered with an error status. */
      readonly kind: "status";
      readonly httpStatus: number;
      readonly grpcCode?: number;
      readonly apiMessage?: string;
      /** The server's `x-request-id`, else the error body's RequestInfo. */
      readonly requestId?: string;
      readonly clientRequestId: string;
    }
  | {
      /** No response: connection refused or reset, DNS, timeout. */
      readonly kind: "network";
      readonly code?: string;
      readonly reason: string;
      readonly clientRequestId: string;
    }
  | {
      /** A 2xx response whose body cannot be used. */
      readonly kind: "body";
      /** JSON path of the offending field; `(body)` for the body as a whole. */
      readonly field: string;
      readonly problem: string;
      readonly requestId?: string;
    };

/** One failed HTTP attempt. Never holds request headers or bodies: they may carry credentials. */
export class RequestFailure extends AttemptFailure {
  constructor(
    readonly facts: RequestFailureFacts,
    retryable: boolean,
    retryAfterMs?: number,
  ) {
    super(summarize(facts), retryable, retryAfterMs);
  }
}

function summarize(facts: RequestFailureFacts): string {
  switch (facts.kind) {
    case "status":
      return `HTTP ${facts.httpStatus}`;
    case "network":
      return facts.code ?? "network error";
    case "body":
      return facts.field === "(body)" ? "a body that is not JSON" : `a bad ${facts.field}`;
  }
}
