import type { IamTokenRegistry } from "./iam-tokens";
import { verifyServiceAccountJwt } from "./service-account-jwt";
import type { ServiceAccountKeyRegistry } from "./service-account-keys";
import { apiFailure, GrpcCode, type ApiFailure } from "./status-json";

export const IAM_TOKENS_PATH = "/iam/v1/tokens";

/** A well-formed `POST /iam/v1/tokens` body: exactly one of the two credentials. */
export type IamTokenRequest =
  | { readonly exchange: "oauth"; readonly oauthToken: string }
  | { readonly exchange: "jwt"; readonly jwt: string };

export interface IamTokenContext {
  readonly oauthTokens: ReadonlySet<string>;
  readonly keys: ServiceAccountKeyRegistry;
  readonly tokens: IamTokenRegistry;
}

function invalid(problem: string): ApiFailure {
  return apiFailure(GrpcCode.INVALID_ARGUMENT, `Request validation error: ${problem}`);
}

/** `undefined` stands for a body that was too large to read. */
export function parseIamTokenRequest(body: string | undefined): IamTokenRequest | ApiFailure {
  if (body === undefined) return invalid("the request body is too large");
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return invalid("the request body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return invalid("the request body must be a JSON object");
  }
  const { yandexPassportOauthToken: oauthToken, jwt } = parsed as Record<string, unknown>;
  if (oauthToken !== undefined && jwt !== undefined) {
    return invalid("identity: only one of yandexPassportOauthToken and jwt may be set");
  }
  if (oauthToken !== undefined) {
    if (typeof oauthToken !== "string" || oauthToken === "") {
      return invalid("yandexPassportOauthToken: must be a non-empty string");
    }
    return { exchange: "oauth", oauthToken };
  }
  if (jwt !== undefined) {
    if (typeof jwt !== "string" || jwt === "") return invalid("jwt: must be a non-empty string");
    return { exchange: "jwt", jwt };
  }
  return invalid("identity: one of yandexPassportOauthToken and jwt is required");
}

/** The answer to a parsed request: the new IAM token's JSON, or why none is issued. */
export function answerIamTokenRequest(
  context: IamTokenContext,
  request: IamTokenRequest | ApiFailure,
  nowMs: number,
): ApiFailure | string {
  if ("grpcCode" in request) return request;
  if (request.exchange === "oauth") {
    if (!context.oauthTokens.has(request.oauthToken)) {
      return apiFailure(GrpcCode.UNAUTHENTICATED, "The OAuth token is invalid or has expired");
    }
  } else {
    const verified = verifyServiceAccountJwt(request.jwt, context.keys, nowMs);
    if ("grpcCode" in verified) return verified;
  }
  const issued = context.tokens.issue(nowMs);
  return JSON.stringify({ iamToken: issued.token, expiresAt: new Date(issued.expiresAtMs).toISOString() });
}
