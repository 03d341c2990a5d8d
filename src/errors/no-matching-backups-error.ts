import { BackupLookupError } from "./backup-lookup-error";

/** `failIfEmpty` was set and no backup passed the filters. */
export class NoMatchingBackupsError extends BackupLookupError {
  readonly clusterId: string;
  /** The filters in force, as given (only those that were set). */
  readonly filters: Readonly<Record<string, unknown>>;
  /** How many backups the API returned before filtering. */
  readonly scanned: number;

  constructor(facts: { clusterId: string; filters: Record<string, unknown>; scanned: number }) {
    const shown = Object.keys(facts.filters).length ? JSON.stringify(facts.filters) : "no filters";
    super(
      `no backup of cluster ${facts.clusterId} matches ${shown} ` +
        `(${facts.scanned} backup${facts.scanned === 1 ? "" : "s"} scanned)`,
    );
    this.clusterId = facts.clusterId;
    this.filters = facts.filters;
    this.scanned = facts.scanned;
  }
}
