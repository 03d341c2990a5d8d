import { BackupLookupError } from "./backup-lookup-error";
import { attempts, statusText } from "./status-text";

/** What an IAM or metadata service said when it refused to issue a token. */
export interface TokenServiceAnswer {
  readonly httpStatus?: number;
  readonly grpcCode?: number;
  readonly apiMessage?: string;
  readonly requestId?: string;
  readonly attempts?: number;
}

/**
 * No credential could be found, or one could not be turned into an IAM token. Never carries the
 * credential itself, nor a token, key or JWT made from it.
 */
export class CredentialsError extends BackupLookupError implements TokenServiceAnswer {
  /** Every source that was looked at, in order; for an exchange that failed, the one being used. */
  readonly sourcesTried: readonly string[];
  readonly httpStatus?: number;
  readonly grpcCode?: number;
  readonly apiMessage?: string;
  readonly requestId?: string;
  readonly attempts?: number;

  constructor(message: string, sourcesTried: readonly string[], answer: TokenServiceAnswer = {}) {
    super(
      `${message}${describe(answer)}${sourcesTried.length ? ` (looked at: ${sourcesTried.join(", ")})` : ""}`,
    );
    this.sourcesTried = sourcesTried;
    this.httpStatus = answer.httpStatus;
    this.grpcCode = answer.grpcCode;
    this.apiMessage = answer.apiMessage;
    this.requestId = answer.requestId;
    this.attempts = answer.attempts;
  }
}

function describe(a: TokenServiceAnswer): string {
  if (a.httpStatus === undefined) return "";
  const facts = [
    a.attempts === undefined ? "" : attempts(a.attempts),
    a.requestId ? `request id ${a.requestId}` : "",
  ];
  const shown = facts.filter(Boolean).join(", ");
  return ` with ${statusText(a.httpStatus, a.grpcCode, a.apiMessage)}${shown ? ` [${shown}]` : ""}`;
}
