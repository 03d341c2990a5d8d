import * as pulumi from "@pulumi/pulumi";
import { getClusterBackupsOutput } from "pulumi-yandex-backups";

const config = new pulumi.Config();

// The lookup runs in this program's process, in `pulumi preview` as in `pulumi up`.
// Credentials and endpoint default to YC_TOKEN and YC_ENDPOINT.
const found = getClusterBackupsOutput({
  clusterId: config.require("sourceClusterId"),
  databases: config.getObject<string[]>("databases"),
  createdBefore: config.get("asOf"),
  endpoint: config.get("endpoint"),
});

export const latestBackupId = found.latest.apply((b) => b?.id);
export const latestCreatedAt = found.latest.apply((b) => b?.createdAt);
export const backupIds = found.ids;
export const scanned = found.scanned;
