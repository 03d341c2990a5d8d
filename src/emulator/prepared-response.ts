import { statusJson, type ApiFailure } from "./status-json";

/** A response decided but not yet written. */
export interface PreparedResponse {
  readonly status: number;
  readonly body: string;
}

/** A 200 with the body, or the failure as the error JSON carrying the request id. */
export function preparedResponse(outcome: ApiFailure | string, requestId: string): PreparedResponse {
  if (typeof outcome === "string") return { status: 200, body: outcome };
  return { status: outcome.status, body: statusJson(outcome.grpcCode, outcome.message, requestId) };
}
