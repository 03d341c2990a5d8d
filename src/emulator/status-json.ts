/** gRPC status codes the REST gateway puts in the `code` field of an error body. */
export const GrpcCode = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;

const HTTP_STATUS_BY_GRPC_CODE: readonly number[] = [
  200, 499, 500, 400, 504, 404, 409, 403, 429, 400, 409, 400, 501, 500, 503, 500, 401,
];

// Where several gRPC codes share an HTTP status, the one the gateway most often produces for it.
const GRPC_CODE_BY_HTTP_STATUS: ReadonlyMap<number, number> = new Map([
  [200, GrpcCode.OK],
  [400, GrpcCode.INVALID_ARGUMENT],
  [401, GrpcCode.UNAUTHENTICATED],
  [403, GrpcCode.PERMISSION_DENIED],
  [404, GrpcCode.NOT_FOUND],
  [409, GrpcCode.ABORTED],
  [429, GrpcCode.RESOURCE_EXHAUSTED],
  [499, GrpcCode.CANCELLED],
  [500, GrpcCode.INTERNAL],
  [501, GrpcCode.UNIMPLEMENTED],
  [503, GrpcCode.UNAVAILABLE],
  [504, GrpcCode.DEADLINE_EXCEEDED],
]);

export function grpcCodeForHttpStatus(status: number): number {
  return GRPC_CODE_BY_HTTP_STATUS.get(status) ?? GrpcCode.UNKNOWN;
}

export function httpStatusForGrpcCode(code: number): number {
  return HTTP_STATUS_BY_GRPC_CODE[code] ?? 500;
}

/** An API error before it is written: the HTTP status, the gRPC code and the message. */
export interface ApiFailure {
  readonly status: number;
  readonly grpcCode: number;
  readonly message: string;
}

export function apiFailure(grpcCode: number, message: string): ApiFailure {
  return { status: httpStatusForGrpcCode(grpcCode), grpcCode, message };
}

/** A `google.rpc.Status` body carrying the server's request id, as the REST gateway writes it. */
export function statusJson(grpcCode: number, message: string, requestId: string): string {
  return JSON.stringify({
    code: grpcCode,
    message,
    details: [{ "@type": "type.googleapis.com/google.rpc.RequestInfo", requestId }],
  });
}
