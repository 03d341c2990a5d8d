import type { IamTokenStanding } from "./iam-tokens";
import { apiFailure, GrpcCode, type ApiFailure } from "./status-json";

/**
 * The token the emulator accepts unless told otherwise. Shaped like an IAM token (`t1.` and exactly two
 * dots) so that credential code treats it as one; it is not a credential anywhere else.
 */
export const EMULATOR_TOKEN =
  "t1.9euelZqLocalEmulatorToken.eWFuZGV4LWJhY2t1cHMtZW11bGF0b3IgbG9jYWwgdGVzdCB0b2tlbjsgbm90IGEgY3JlZGVudGlhbDsgYWNjZX";

/** "expired" is an IAM token the emulator issued whose lifetime is over. */
export type AuthorizationOutcome = "none" | "accepted" | "expired" | "rejected";

export function checkBearerToken(
  header: string | undefined,
  standingOf: (token: string) => IamTokenStanding,
): AuthorizationOutcome {
  if (header === undefined || header === "") return "none";
  const match = /^Bearer (.+)$/i.exec(header);
  if (match === null) return "rejected";
  const standing = standingOf(match[1]);
  return standing === "valid" ? "accepted" : standing === "expired" ? "expired" : "rejected";
}

/** Why the API refuses a request for want of a usable token, or undefined when the token was accepted. */
export function authorizationFailure(authorization: AuthorizationOutcome): ApiFailure | undefined {
  if (authorization === "none") {
    return apiFailure(GrpcCode.UNAUTHENTICATED, "Authentication required: the request has no IAM token");
  }
  if (authorization === "rejected") return apiFailure(GrpcCode.UNAUTHENTICATED, "The token is invalid");
  if (authorization === "expired") return apiFailure(GrpcCode.UNAUTHENTICATED, "The IAM token has expired");
  return undefined;
}
