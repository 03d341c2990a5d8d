import {
  answerIamTokenRequest,
  IAM_TOKENS_PATH,
  type IamTokenContext,
  type IamTokenRequest,
} from "./iam-token-exchange";
import { answerMetadataTokenRequest, METADATA_TOKEN_PATH } from "./metadata-token";
import { apiFailure, GrpcCode, type ApiFailure } from "./status-json";

/** The paths that hand out IAM tokens. Neither needs a bearer token. */
export type CredentialRoute = {
  readonly kind: "iamTokens" | "metadataToken";
  readonly methodAllowed: boolean;
};

export function routeCredentialRequest(method: string, path: string): CredentialRoute | undefined {
  if (path === IAM_TOKENS_PATH) return { kind: "iamTokens", methodAllowed: method === "POST" };
  if (path === METADATA_TOKEN_PATH) return { kind: "metadataToken", methodAllowed: method === "GET" };
  return undefined;
}

export function isCredentialRoute(route: { readonly kind: string }): route is CredentialRoute {
  return route.kind === "iamTokens" || route.kind === "metadataToken";
}

export interface CredentialContext extends IamTokenContext {
  readonly metadataEnabled: boolean;
}

export interface CredentialRequest {
  /** The parsed body of a POST to the IAM path. */
  readonly iamRequest?: IamTokenRequest | ApiFailure;
  readonly metadataFlavor?: string;
}

export function answerCredentialRequest(
  context: CredentialContext,
  route: CredentialRoute,
  request: CredentialRequest,
  nowMs: number,
): ApiFailure | string {
  // Off a cloud VM there is no metadata service at all, whatever the method.
  if (route.kind === "metadataToken" && !context.metadataEnabled) {
    return apiFailure(GrpcCode.NOT_FOUND, "Not Found");
  }
  if (!route.methodAllowed) return apiFailure(GrpcCode.UNIMPLEMENTED, "Method Not Allowed");
  if (route.kind === "metadataToken") {
    return answerMetadataTokenRequest(context.tokens, request.metadataFlavor, nowMs);
  }
  const iamRequest =
    request.iamRequest ?? apiFailure(GrpcCode.INVALID_ARGUMENT, "Request validation error: no request body");
  return answerIamTokenRequest(context, iamRequest, nowMs);
}
