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

/** `HTTP 404 NOT_FOUND (5): the API's message`, from what an error answer said. */
export function statusText(httpStatus: number, grpcCode?: number, apiMessage?: string): string {
  const code = grpcCode === undefined ? "" : ` ${grpcCodeName(grpcCode) ?? "code"} (${grpcCode})`;
  return `HTTP ${httpStatus}${code}${apiMessage ? `: ${apiMessage}` : ""}`;
}

export function attempts(n: number): string {
  return n === 1 ? "1 attempt" : `${n} attempts`;
}
