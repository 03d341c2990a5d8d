#!/usr/bin/env node
import { parseArgs } from "node:util";
import { demoClusterBackups, startEmulator } from "../emulator";
import { lookupClusterBackups } from "../lookup/lookup-cluster-backups";
import { formatBackupTable } from "./backup-table";

const USAGE = `Usage: npm start [-- --json] [--database NAME]... [--verbose]

Starts the bundled emulator of the Yandex Cloud listBackups API on 127.0.0.1, seeded with a demo
SQL Server cluster, and lists that cluster's backups exactly as getClusterBackups sees them.`;

/** Runs the demo: the emulator, one lookup through the real HTTP client, a table (or JSON) on stdout. */
export async function runDemo(argv: string[], out: (text: string) => void = console.log): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: "boolean", default: false },
      database: { type: "string", multiple: true },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return out(USAGE);
  const demo = demoClusterBackups();
  const emulator = await startEmulator({
    clusters: { [demo.clusterId]: demo.backups },
    defaultPageSize: 100,
  });
  try {
    const result = await lookupClusterBackups(
      // A small page size, so the demo reads several pages as a large cluster would.
      {
        clusterId: demo.clusterId,
        endpoint: emulator.url,
        token: emulator.token,
        pageSize: 4,
        databases: values.database,
      },
      { env: {}, log: values.verbose ? (m) => console.error(`debug: ${m}`) : undefined },
    );
    out(values.json ? JSON.stringify(result, null, 2) : formatBackupTable(result));
    if (!values.json)
      out(`\n(${emulator.listRequests(demo.clusterId).length} listBackups requests to ${emulator.url})`);
  } finally {
    await emulator.close();
  }
}

if (require.main === module) {
  runDemo(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exitCode = 1;
  });
}
