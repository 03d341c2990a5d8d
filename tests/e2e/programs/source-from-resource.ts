import * as pulumi from "@pulumi/pulumi";
import { ClusterBackups } from "pulumi-yandex-backups";

// A stand-in for a cluster created in the same run: its id is known only once it exists.
const sourceProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: `source-${inputs.clusterId}`, outs: { ...inputs, createdClusterId: inputs.clusterId } };
  },
};

class SourceCluster extends pulumi.dynamic.Resource {
  declare readonly createdClusterId: pulumi.Output<string>;
  constructor(name: string, clusterId: string) {
    super(sourceProvider, name, { clusterId, createdClusterId: undefined }, {}, "e2e", "SourceCluster");
  }
}

const config = new pulumi.Config();
const source = new SourceCluster("source", config.require("sourceClusterId"));
const backups = new ClusterBackups("from-new-cluster", {
  clusterId: source.createdClusterId,
  endpoint: config.require("endpoint"),
});

export const latestBackupId = backups.latest.apply((b) => b?.id);
