// Loaded by module-formats.test.ts with plain `node`: the package as a CommonJS program requires it.
const root = require("pulumi-yandex-backups");
const { startEmulator } = require("pulumi-yandex-backups/emulator");

(async () => {
  const emulator = await startEmulator({
    clusters: { c9qcjs: [{ id: "b2", createdAt: "2026-11-28T03:00:00Z" }] },
  });
  try {
    const result = await root.getClusterBackups({
      clusterId: "c9qcjs",
      endpoint: emulator.url,
      token: emulator.token,
    });
    console.log(JSON.stringify({ exports: Object.keys(root).sort(), latest: result.latest.id }));
  } finally {
    await emulator.close();
  }
})();
