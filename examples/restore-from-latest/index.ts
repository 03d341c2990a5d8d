import * as pulumi from "@pulumi/pulumi";
import { ClusterBackups } from "pulumi-yandex-backups";
import { RestoredCluster } from "./restored-cluster";

const config = new pulumi.Config();
const endpoint = config.get("endpoint");

// Picks the newest backup holding the databases, and holds that pick in the stack: new nightly backups do
// not move it. Bump `restoreGeneration` to restore from the newest backup on purpose.
const source = new ClusterBackups("source-backups", {
  clusterId: config.require("sourceClusterId"),
  databases: config.getObject<string[]>("databases"),
  failIfEmpty: true,
  limit: 5,
  endpoint,
  keepers: { generation: config.get("restoreGeneration") ?? "1" },
});

const picked = source.latest.apply((backup) => {
  if (!backup) throw new Error("no backup to restore from");
  return backup;
});

const restored = new RestoredCluster("restored", {
  name: config.get("restoredName") ?? "restored-from-backup",
  backupId: picked.id,
  time: picked.createdAt,
  endpoint,
});

export const restoreFromBackupId = picked.id;
export const restoreToTime = picked.createdAt;
export const pickedAt = source.selectedAt;
export const restoredClusterId = restored.clusterId;
