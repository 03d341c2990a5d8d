import { BackupLookupError } from "./backup-lookup-error";
import { attempts } from "./status-text";

/**
 * A 200 response that cannot be used: a body that is not JSON (retried, then thrown), or JSON of the wrong
 * shape (thrown at once, naming the field).
 */
export class MalformedResponseError extends BackupLookupError {
  readonly clusterId: string;
  readonly page: number;
  /** JSON path of the offending field, e.g. `backups[3].createdAt`; `(body)` when the body is not JSON. */
  readonly field: string;
  readonly requestId?: string;
  readonly attempts: number;

  constructor(facts: {
    problem: string;
    field: string;
    clusterId: string;
    page: number;
    attempts: number;
    requestId?: string;
  }) {
    const request = facts.requestId ? `, request id ${facts.requestId}` : "";
    super(
      `listBackups of cluster ${facts.clusterId} returned an unusable page ${facts.page}: ` +
        `${facts.field} ${facts.problem} (${attempts(facts.attempts)}${request})`,
    );
    this.clusterId = facts.clusterId;
    this.page = facts.page;
    this.field = facts.field;
    this.requestId = facts.requestId;
    this.attempts = facts.attempts;
  }
}
