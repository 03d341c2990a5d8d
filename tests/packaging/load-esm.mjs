// Loaded by module-formats.test.ts with plain `node`: the package as an ES-module program imports it.
import * as root from "pulumi-yandex-backups";
import { getClusterBackups, getClusterBackupsOutput, BackupLookupError } from "pulumi-yandex-backups";
import { startEmulator } from "pulumi-yandex-backups/emulator";

const emulator = await startEmulator({
  clusters: { c9qesm: [{ id: "b1", createdAt: "2026-11-28T03:00:00Z" }] },
});
try {
  const result = await getClusterBackups({
    clusterId: "c9qesm",
    endpoint: emulator.url,
    token: emulator.token,
  });
  console.log(
    JSON.stringify({
      exports: Object.keys(root).sort(),
      output: typeof getClusterBackupsOutput,
      base: typeof BackupLookupError,
      latest: result.latest.id,
    }),
  );
} finally {
  await emulator.close();
}
