"use strict";
// `npm run bench`: getClusterBackups against a bare node:http loop making the same requests, in one run.
// The emulator runs in this process; each client runs in a child process of its own, so that its RSS is
// its own. Modes alternate, and medians are compared as ratios.
const { execFile } = require("node:child_process");
const { promisify } = require("node:util");
const { join } = require("node:path");
const { startEmulator, generateBackups } = require("../dist/src/emulator");

const run = promisify(execFile);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 7);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function client(mode, emulator, clusterId, pageSize, rounds) {
  const { stdout } = await run(
    process.execPath,
    [
      join(__dirname, "client.js"),
      mode,
      emulator.url,
      clusterId,
      emulator.token,
      String(pageSize),
      String(rounds),
    ],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout);
}

async function wallTime(emulator, clusterId, count, pageSize, latencyMs) {
  const samples = { bare: [], library: [] };
  for (let i = 0; i < ROUNDS; i++) {
    for (const mode of i % 2 ? ["library", "bare"] : ["bare", "library"]) {
      emulator.clearRequests();
      // Two rounds per process: the first warms up the JIT and the connection, the second is measured.
      const result = await client(mode, emulator, clusterId, pageSize, 2);
      if (result.count !== count) throw new Error(`${mode} found ${result.count} backups, expected ${count}`);
      const requests = emulator.listRequests(clusterId).length / 2;
      const expected = Math.ceil(count / pageSize);
      if (requests !== expected) throw new Error(`${mode} made ${requests} requests, expected ${expected}`);
      samples[mode].push(result.times[1]);
    }
  }
  const bare = median(samples.bare);
  const library = median(samples.library);
  console.log(
    `wall time, ${count} backups, pageSize ${pageSize}, ${latencyMs} ms per request: ` +
      `${Math.ceil(count / pageSize)} requests each; median bare ${bare.toFixed(1)} ms, ` +
      `library ${library.toFixed(1)} ms, ratio ${(library / bare).toFixed(3)} (${ROUNDS} alternating runs)`,
  );
  return library / bare;
}

async function memory(emulator, clusterId, count, pageSize) {
  const samples = { bare: [], library: [] };
  for (let i = 0; i < Math.max(3, Math.ceil(ROUNDS / 2)); i++) {
    for (const mode of i % 2 ? ["library", "bare"] : ["bare", "library"]) {
      const result = await client(mode, emulator, clusterId, pageSize, 1);
      if (result.count !== count) throw new Error(`${mode} found ${result.count} backups, expected ${count}`);
      samples[mode].push(result.rssGrowth);
    }
  }
  const bare = median(samples.bare);
  const library = median(samples.library);
  const mib = (n) => (n / 1048576).toFixed(1);
  console.log(
    `peak RSS growth, ${count} backups, pageSize ${pageSize}: median bare ${mib(bare)} MiB, ` +
      `library ${mib(library)} MiB, ratio ${(library / bare).toFixed(3)}`,
  );
  return library / bare;
}

async function main() {
  const emulator = await startEmulator({
    clusters: {
      c9qbench10k: generateBackups("c9qbench10k", 10_000, { seed: 1 }),
      c9qbench100k: generateBackups("c9qbench100k", 100_000, { seed: 2 }),
    },
  });
  try {
    emulator.setLatency(20);
    const r1000 = await wallTime(emulator, "c9qbench10k", 10_000, 1000, 20);
    const r100 = await wallTime(emulator, "c9qbench10k", 10_000, 100, 20);
    emulator.setLatency(0);
    const mem = await memory(emulator, "c9qbench100k", 100_000, 1000);
    console.log(
      `summary: wall-time ratio ${r1000.toFixed(3)} at pageSize 1000, ${r100.toFixed(3)} at pageSize 100; memory ratio ${mem.toFixed(3)}`,
    );
  } finally {
    await emulator.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
