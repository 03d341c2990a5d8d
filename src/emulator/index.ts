export { EMULATOR_TOKEN } from "./emulator-token";
export type { EmulatorBackup } from "./emulator-backup";
export type { FaultSpec, InjectedFault } from "./faults";
export type { RecordedRequest } from "./request-log";
export { startEmulator, type Emulator, type EmulatorOptions } from "./server";
export { demoClusterBackups } from "./demo-data";
export { generateBackups } from "./synthetic-backups";
export { isLoopbackHost } from "./loopback-host";
