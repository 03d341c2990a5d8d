#!/usr/bin/env node
import { parseArgs } from "node:util";
import {
  demoClusterBackups,
  EMULATOR_TOKEN,
  generateBackups,
  isLoopbackHost,
  startEmulator,
  type Emulator,
  type EmulatorBackup,
  type EmulatorOptions,
} from "../emulator";

export const EMULATOR_USAGE = `Usage: yandex-backups-emulator [options]

Serves GET /mdb/sqlserver/v1/clusters/{clusterId}/backups on a loopback address, like the Yandex Cloud API.

Options:
  --port N                 port to listen on (default 0: any free port)
  --host H                 loopback address to listen on (default 127.0.0.1)
  --demo                   seed the demo cluster c9qdemo0sqlserver01
  --generate ID:COUNT      seed cluster ID with COUNT synthetic backups (repeatable)
  --latency-ms N           delay every response by N ms (default 0)
  --page-size-default N    page size when a request gives none (default 100)
  --token T                accepted bearer token (repeatable; default: the emulator's built-in token);
                           the YC_TOKEN environment variable, when set, is accepted too
  --help                   show this help

Prints "listening on <url>" once ready and runs until SIGINT or SIGTERM.
`;

const MAX_GENERATED_BACKUPS = 2_000_000;

/** Bad command-line arguments: the message says which. */
export class EmulatorUsageError extends Error {
  override readonly name = "EmulatorUsageError";
}

export type EmulatorCommand =
  { readonly help: true } | { readonly help: false; readonly options: EmulatorOptions };

function wholeNumber(flag: string, text: string, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value <= max))
    throw new EmulatorUsageError(`${flag} expects a whole number from 0 to ${max}, not "${text}"`);
  return value;
}

function parseGenerate(text: string): { clusterId: string; count: number } {
  const separator = text.lastIndexOf(":");
  if (separator <= 0) throw new EmulatorUsageError(`--generate expects CLUSTER_ID:COUNT, not "${text}"`);
  return {
    clusterId: text.slice(0, separator),
    count: wholeNumber("--generate COUNT", text.slice(separator + 1), MAX_GENERATED_BACKUPS),
  };
}

/** Turns the command line (without node and the script) into emulator options. Throws EmulatorUsageError. */
export function parseEmulatorArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): EmulatorCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        demo: { type: "boolean" },
        generate: { type: "string", multiple: true },
        "latency-ms": { type: "string" },
        "page-size-default": { type: "string" },
        token: { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new EmulatorUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help === true) return { help: true };

  const host = values.host ?? "127.0.0.1";
  if (!isLoopbackHost(host)) throw new EmulatorUsageError(`--host must be a loopback address, not "${host}"`);

  const clusters: Record<string, EmulatorBackup[]> = {};
  const seed = (clusterId: string, backups: EmulatorBackup[]): void => {
    clusters[clusterId] = [...(clusters[clusterId] ?? []), ...backups];
  };
  if (values.demo === true) {
    const demo = demoClusterBackups();
    seed(demo.clusterId, demo.backups);
  }
  for (const text of values.generate ?? []) {
    const { clusterId, count } = parseGenerate(text);
    seed(clusterId, generateBackups(clusterId, count));
  }

  const tokens = values.token?.length ? [...values.token] : [EMULATOR_TOKEN];
  if (tokens.includes("")) throw new EmulatorUsageError("--token must not be empty");
  const envToken = env.YC_TOKEN;
  if (envToken !== undefined && envToken !== "" && !tokens.includes(envToken)) tokens.push(envToken);

  const options: EmulatorOptions = { host, tokens, clusters };
  if (values.port !== undefined) options.port = wholeNumber("--port", values.port, 65535);
  if (values["latency-ms"] !== undefined) {
    options.latencyMs = wholeNumber("--latency-ms", values["latency-ms"], 600_000);
  }
  if (values["page-size-default"] !== undefined) {
    const pageSize = wholeNumber("--page-size-default", values["page-size-default"], 1000);
    if (pageSize === 0) throw new EmulatorUsageError("--page-size-default must be at least 1");
    options.defaultPageSize = pageSize;
  }
  return { help: false, options };
}

/** Parses the command line and starts the emulator it describes; `--help` is refused here. */
export async function runEmulatorCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<Emulator> {
  const command = parseEmulatorArgs(argv, env);
  if (command.help) throw new EmulatorUsageError("--help does not start an emulator");
  return startEmulator(command.options);
}

async function main(): Promise<void> {
  let command: EmulatorCommand;
  try {
    command = parseEmulatorArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof EmulatorUsageError)) throw error;
    process.stderr.write(`yandex-backups-emulator: ${error.message}\n\n${EMULATOR_USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (command.help) {
    process.stdout.write(EMULATOR_USAGE);
    return;
  }

  let emulator: Emulator;
  try {
    emulator = await startEmulator(command.options);
  } catch (error) {
    process.stderr.write(
      `yandex-backups-emulator: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`listening on ${emulator.url}\n`);

  const stop = (): void => {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    void emulator.close();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (require.main === module) void main();
