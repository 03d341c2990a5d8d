"use strict";
// One measured client process: `node bench/client.js <bare|library> <url> <clusterId> <token> <pageSize> <rounds>`.
// Prints one JSON line: wall times of each round, backups found, RSS growth to the peak.
const { performance } = require("node:perf_hooks");
const { listAll } = require("./bare-client");
const { getClusterBackups } = require("../dist/sdk");

async function main() {
  const [mode, url, clusterId, token, pageSize, rounds] = process.argv.slice(2);
  const once =
    mode === "bare"
      ? async () => (await listAll(url, clusterId, token, Number(pageSize))).length
      : mode === "direct"
        ? async () =>
            (
              await require("../dist/src/lookup/lookup-cluster-backups").lookupClusterBackups(
                { clusterId, endpoint: url, token, pageSize: Number(pageSize) },
                { env: {} },
              )
            ).backups.length
        : async () =>
            (await getClusterBackups({ clusterId, endpoint: url, token, pageSize: Number(pageSize) })).backups
              .length;
  const rssBefore = process.memoryUsage.rss();
  const times = [];
  let count = 0;
  for (let i = 0; i < Number(rounds); i++) {
    const started = performance.now();
    count = await once();
    times.push(performance.now() - started);
  }
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ mode, times, count, rssGrowth: peakRss - rssBefore }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
