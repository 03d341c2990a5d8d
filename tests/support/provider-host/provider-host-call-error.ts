import type { ServiceError } from "@grpc/grpc-js";
import { ErrorResourceInitFailed } from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { grpc } from "./grpc-runtime";
import { fromStruct, type PropertyMap } from "./properties";

/** A create or update that made the resource but reported it unhealthy (the provider threw an error with `id`). */
export interface ResourceInitFailure {
  readonly id: string;
  readonly properties: PropertyMap;
  readonly reasons: string[];
}

/** A gRPC call to the dynamic-provider host that failed: which method, the gRPC status, and the host's message. */
export class ProviderHostCallError extends Error {
  override readonly name = "ProviderHostCallError";

  constructor(
    readonly method: string,
    readonly code: number,
    readonly details: string,
    readonly initFailure?: ResourceInitFailure,
  ) {
    super(`${method} failed with gRPC ${grpc.status[code] ?? code}: ${details}`);
  }

  static fromServiceError(method: string, error: ServiceError): ProviderHostCallError {
    return new ProviderHostCallError(method, error.code, error.details, initFailureOf(error));
  }
}

/** The host packs ErrorResourceInitFailed into `grpc-status-details-bin`, as Go's gRPC status details. */
function initFailureOf(error: ServiceError): ResourceInitFailure | undefined {
  const [raw] = error.metadata?.get("grpc-status-details-bin") ?? [];
  if (!(raw instanceof Buffer)) return undefined;
  for (const detail of Status.deserializeBinary(raw).getDetailsList()) {
    const failure = detail.unpack(
      ErrorResourceInitFailed.deserializeBinary,
      "pulumirpc.ErrorResourceInitFailed",
    );
    if (failure) {
      return {
        id: failure.getId(),
        properties: fromStruct(failure.getProperties()),
        reasons: failure.getReasonsList(),
      };
    }
  }
  return undefined;
}
