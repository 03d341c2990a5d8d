import type { AuthorizationOutcome } from "./emulator-token";

/**
 * One request as the emulator saw it. No credential is ever kept: not the bearer token (only whether it
 * was accepted), nor the OAuth token or JWT of an IAM exchange (only which kind it was).
 */
export interface RecordedRequest {
  /** 1-based, in arrival order; keeps counting across clearRequests(). */
  seq: number;
  method: string;
  /** URL path without the query. */
  path: string;
  /** Set when the path is a cluster's backups path (decoded). */
  clusterId?: string;
  /** As sent, not parsed. */
  pageSize?: string;
  pageToken?: string;
  /** The client's `x-request-id` header. */
  clientRequestId?: string;
  /** The `x-request-id` the emulator answered with. */
  serverRequestId: string;
  authorization: AuthorizationOutcome;
  /** For `POST /iam/v1/tokens` with a well-formed body: which credential was offered. */
  exchange?: "oauth" | "jwt";
  /** HTTP status sent; 0 while unanswered and when the socket was reset or closed instead. */
  status: number;
  /** Short description when a fault fired. */
  fault?: string;
  /** Date.now() on arrival. */
  at: number;
}

export type RequestFacts = Omit<RecordedRequest, "seq" | "status" | "at">;

export class RequestLog {
  private entries: RecordedRequest[] = [];
  private nextSeq = 1;

  /** Records an arriving request; the caller fills in status (and fault) on the returned entry. */
  record(facts: RequestFacts): RecordedRequest {
    const entry: RecordedRequest = { seq: this.nextSeq++, ...facts, status: 0, at: Date.now() };
    for (const key of Object.keys(entry) as (keyof RecordedRequest)[]) {
      if (entry[key] === undefined) delete entry[key];
    }
    this.entries.push(entry);
    return entry;
  }

  all(): readonly RecordedRequest[] {
    return this.entries.slice();
  }

  /** listBackups requests only: GET on a cluster's backups path. */
  listBackupsRequests(clusterId?: string): RecordedRequest[] {
    return this.entries.filter(
      (entry) =>
        entry.method === "GET" &&
        entry.clusterId !== undefined &&
        (clusterId === undefined || entry.clusterId === clusterId),
    );
  }

  clear(): void {
    this.entries = [];
  }
}
