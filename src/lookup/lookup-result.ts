import type { Backup } from "../backups/backup";

/** The backups of one cluster, as picked. */
export interface LookupResult {
  /** The cluster that was listed. */
  readonly clusterId: string;
  /** Backups that passed the filters, newest `createdAt` first (then newest `startedAt`, then id). */
  readonly backups: readonly Backup[];
  /**
   * The newest backup that passed the filters (`backups[0]`); undefined when none did. Always present as
   * a key, so that `output.latest` lifts to an `Output<Backup | undefined>`.
   */
  readonly latest: Backup | undefined;
  /** The ids of `backups`, in the same order. */
  readonly ids: readonly string[];
  /** How many backups the API returned before any filter, unfinished ones included. */
  readonly scanned: number;
}
