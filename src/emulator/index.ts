export { EMULATOR_TOKEN, type AuthorizationOutcome } from "./emulator-token";
export type { EmulatorBackup } from "./emulator-backup";
export type { FaultSpec, InjectedFault } from "./faults";
export type { RecordedRequest } from "./request-log";
export {
  DEFAULT_OPERATION_DURATION_MS,
  type EmulatorOperation,
  type OperationKind,
  type RestoredCluster,
  type RestoredClusterStatus,
} from "./cluster-operations";
export { RESTORE_CLUSTER_PATH } from "./cluster-endpoints";
export { startEmulator, type Emulator, type EmulatorOptions } from "./server";
export type {
  AuthorizedKey,
  CreateServiceAccountKeyOptions,
  ServiceAccountPublicKey,
} from "./service-account-keys";
export { IAM_JWT_AUDIENCE } from "./service-account-jwt";
export { IAM_TOKENS_PATH } from "./iam-token-exchange";
export { METADATA_TOKEN_PATH } from "./metadata-token";
export { DEFAULT_IAM_TOKEN_LIFETIME_MS } from "./iam-tokens";
export { demoClusterBackups } from "./demo-data";
export { generateBackups } from "./synthetic-backups";
export { isLoopbackHost } from "./loopback-host";
