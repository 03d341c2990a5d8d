export {
  getClusterBackups,
  getClusterBackupsOutput,
  type GetClusterBackupsArgs,
  type GetClusterBackupsOutputArgs,
  type GetClusterBackupsResult,
  type Backup,
  type RetryOptions,
} from "./getClusterBackups";
export {
  BackupLookupError,
  InvalidArgumentError,
  YandexApiError,
  NetworkError,
  MalformedResponseError,
  PaginationError,
  NoMatchingBackupsError,
  CredentialsError,
} from "../src/errors";
export { DEFAULT_RETRY_POLICY } from "../src/retry/retry-policy";
export { ClusterBackups, type ClusterBackupsArgs } from "./clusterBackups";
