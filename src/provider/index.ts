// The implementation behind ClusterBackups' provider, loaded by package name in the provider host:
// `require("pulumi-yandex-backups/dynamic-provider")`.
export { configure, check, diff, create, update, read, remove } from "./cluster-backups-provider";
