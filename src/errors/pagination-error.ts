import { BackupLookupError } from "./backup-lookup-error";

/** The listing could not be read to its end: a page token came back twice, or the page budget ran out. */
export class PaginationError extends BackupLookupError {
  readonly clusterId: string;
  /** The page at which the listing was abandoned. */
  readonly page: number;
  readonly reason: "repeated-token" | "max-pages";

  constructor(facts: {
    clusterId: string;
    page: number;
    reason: "repeated-token" | "max-pages";
    detail: string;
  }) {
    super(
      `listBackups of cluster ${facts.clusterId} stopped at page ${facts.page}: ${facts.detail}; ` +
        "no partial result is returned",
    );
    this.clusterId = facts.clusterId;
    this.page = facts.page;
    this.reason = facts.reason;
  }
}
