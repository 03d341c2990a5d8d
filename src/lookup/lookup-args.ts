import type { RetryOptions } from "../retry/retry-policy";

/** What to look up and how. Only clusterId is required. */
export interface LookupArgs {
  /**
   * ID of the cluster whose backups to list: 1–50 letters, digits, `-` or `_`. For a deleted cluster,
   * its backups stay listable for 7 days.
   */
  readonly clusterId: string;
  /** Keep only backups that contain every one of these databases (exact, case-sensitive names). */
  readonly databases?: readonly string[];
  /** RFC 3339. Keep only backups whose `createdAt` is at or after this instant. */
  readonly createdAfter?: string;
  /**
   * RFC 3339. Keep only backups whose `createdAt` is at or before this instant. Pinning it makes a pick
   * reproducible: "the latest backup as of".
   */
  readonly createdBefore?: string;
  /** Keep only the N newest backups after filtering (a positive integer). */
  readonly limit?: number;
  /** Throw NoMatchingBackupsError instead of returning an empty result. Default false. */
  readonly failIfEmpty?: boolean;
  /** Backups asked for per request, 1–1000. Default 1000: the fewest requests. */
  readonly pageSize?: number;
  /** Most pages read before the listing is abandoned with a PaginationError. Default 10000. */
  readonly maxPages?: number;
  /**
   * The API endpoint. A bare `host[:port]` is an api-host (requests go to `https://mdb.<host>`); a URL
   * with a scheme is used as the base of every request as is. Default: stack config `yandex:endpoint`,
   * else YC_ENDPOINT, else `api.cloud.yandex.net`.
   */
  readonly endpoint?: string;
  /**
   * An IAM token (`t1.…`, used as is) or an OAuth token (exchanged for an IAM token). Default: stack
   * config `yandex:token`, YC_TOKEN, … (see the README's Credentials). Never logged or put in errors.
   */
  readonly token?: string;
  /**
   * A service account's authorized key (`yc iam key create --output key.json`): the path to that file or
   * its JSON itself. Exchanged for IAM tokens with a PS256-signed JWT. Not together with `token`.
   */
  readonly serviceAccountKey?: string;
  /** How failed requests are retried; see RetryOptions. */
  readonly retry?: RetryOptions;
  /** Deadline of each request, in ms, from connecting to the last byte. Default 30000. */
  readonly timeoutMs?: number;
  /** Aborts the lookup: the in-flight request and any wait between retries. */
  readonly signal?: AbortSignal;
}

export const DEFAULT_PAGE_SIZE = 1000;
export const DEFAULT_MAX_PAGES = 10000;
export const DEFAULT_TIMEOUT_MS = 30000;
