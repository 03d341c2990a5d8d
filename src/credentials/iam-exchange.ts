import { CredentialsError } from "../errors";
import { ApiClient } from "../http/api-client";
import type { RequestFailure } from "../http/request-failure";
import { runWithRetry } from "../retry/run-with-retry";
import type { IssuedToken } from "./iam-token-cache";
import type { TokenContext } from "./token-source";

/** What IAM's CreateIamToken takes: an OAuth token or a signed JWT. */
export type IamTokenRequest = { readonly yandexPassportOauthToken: string } | { readonly jwt: string };

/**
 * `POST https://iam.<api-host>/iam/v1/tokens`, retried like a page request. A refusal is a
 * CredentialsError naming the source; neither the request nor the answer is ever logged.
 */
export async function exchangeForIamToken(
  iamBaseUrl: string,
  request: IamTokenRequest,
  description: string,
  context: TokenContext,
): Promise<IssuedToken> {
  const client = new ApiClient({
    baseUrl: iamBaseUrl,
    timeoutMs: context.timeoutMs,
    userAgent: context.userAgent,
  });
  const response = await runWithRetry(
    () => client.send({ method: "POST", path: "/iam/v1/tokens", body: request, signal: context.signal }),
    {
      ...context,
      label: `IAM token exchange for ${description}`,
      toError: (failure: RequestFailure, attempts) => exchangeError(description, failure, attempts),
    },
  );
  context.log(`IAM token exchange for ${description}: done, request id ${response.requestId ?? "none"}`);
  return readIssuedToken(response.body, "iamToken", description, (body) =>
    Date.parse(String(body.expiresAt)),
  );
}

export function exchangeError(
  description: string,
  failure: RequestFailure,
  attempts: number,
): CredentialsError {
  const f = failure.facts;
  switch (f.kind) {
    case "status":
      return new CredentialsError(`${description} was refused`, [description], { ...f, attempts });
    case "network":
      return new CredentialsError(
        `${description}: no response from the token service: ${f.reason}`,
        [description],
        {
          attempts,
        },
      );
    case "body":
      return new CredentialsError(
        `${description}: the token service's answer ${f.field} ${f.problem}`,
        [description],
        {
          requestId: f.requestId,
          attempts,
        },
      );
  }
}

/** Reads a token and its expiry out of an issuer's answer, refusing one that lacks either. */
export function readIssuedToken(
  body: unknown,
  tokenField: string,
  description: string,
  expiry: (body: Record<string, unknown>) => number,
): IssuedToken {
  const answer = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const token = answer[tokenField];
  const expiresAtMs = expiry(answer);
  if (typeof token !== "string" || token === "" || !Number.isFinite(expiresAtMs)) {
    throw new CredentialsError(
      `${description}: the token service answered without a usable ${tokenField} or expiry`,
      [description],
    );
  }
  return { iamToken: token, expiresAtMs };
}
