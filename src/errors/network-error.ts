import { BackupLookupError } from "./backup-lookup-error";
import { attempts } from "./status-text";

/** No HTTP response came back: connection refused or reset, DNS failure or a request timeout (after retries). */
export class NetworkError extends BackupLookupError {
  /** Node's error code when there was one, e.g. `ECONNRESET`, `ECONNREFUSED`, `ETIMEDOUT`. */
  readonly code?: string;
  readonly clusterId: string;
  readonly page: number;
  readonly attempts: number;
  readonly clientRequestId?: string;

  constructor(facts: {
    reason: string;
    code?: string;
    clusterId: string;
    page: number;
    attempts: number;
    clientRequestId?: string;
    cause?: unknown;
  }) {
    super(
      `listBackups of cluster ${facts.clusterId} got no response: ${facts.reason} ` +
        `(page ${facts.page}, ${attempts(facts.attempts)})`,
      { cause: facts.cause },
    );
    this.code = facts.code;
    this.clusterId = facts.clusterId;
    this.page = facts.page;
    this.attempts = facts.attempts;
    this.clientRequestId = facts.clientRequestId;
  }
}
