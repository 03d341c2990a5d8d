/** One backup, as the API describes it. Timestamps are the API's own strings, unchanged. */
export interface Backup {
  /** ID of the backup: what a restore takes as `backupId`. */
  readonly id: string;
  /** ID of the folder the backup belongs to. */
  readonly folderId: string;
  /** When the backup operation completed (RFC 3339). Only backups that have it are returned. */
  readonly createdAt: string;
  /** ID of the cluster the backup was made of. */
  readonly sourceClusterId: string;
  /** When the backup operation started (RFC 3339); empty when the API omitted it. */
  readonly startedAt: string;
  /** Databases the backup holds. */
  readonly databases: readonly string[];
}
