/**
 * The token the emulator accepts unless told otherwise. Shaped like an IAM token (`t1.` and exactly two
 * dots) so that credential code treats it as one; it is not a credential anywhere else.
 */
export const EMULATOR_TOKEN =
  "t1.9euelZqLocalEmulatorToken.eWFuZGV4LWJhY2t1cHMtZW11bGF0b3IgbG9jYWwgdGVzdCB0b2tlbjsgbm90IGEgY3JlZGVudGlhbDsgYWNjZX";

export type AuthorizationOutcome = "none" | "accepted" | "rejected";

export function checkBearerToken(
  header: string | undefined,
  accepted: ReadonlySet<string>,
): AuthorizationOutcome {
  if (header === undefined || header === "") return "none";
  const match = /^Bearer (.+)$/i.exec(header);
  return match !== null && accepted.has(match[1]) ? "accepted" : "rejected";
}
