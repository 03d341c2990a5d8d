#!/usr/bin/env node
import { chmodSync, writeFileSync } from "node:fs";
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

Serves GET /mdb/sqlserver/v1/clusters/{clusterId}/backups on a loopback address, like the Yandex Cloud API,
and POST /iam/v1/tokens, which exchanges OAuth tokens and service-account JWTs for IAM tokens that the
other paths then accept too. Also restores backups into new clusters:
POST /mdb/sqlserver/v1/clusters:restore, GET and DELETE /mdb/sqlserver/v1/clusters/{clusterId}, and
GET /operations/{operationId} to poll the operations they return.

Options:
  --port N                 port to listen on (default 0: any free port)
  --host H                 loopback address to listen on (default 127.0.0.1)
  --demo                   seed the demo cluster c9qdemo0sqlserver01
  --generate ID:COUNT      seed cluster ID with COUNT synthetic backups (repeatable)
  --latency-ms N           delay every response by N ms (default 0)
  --page-size-default N    page size when a request gives none (default 100)
  --token T                accepted bearer token (repeatable; default: the emulator's built-in token);
                           the YC_TOKEN environment variable, when set, is accepted too
  --oauth-token T          OAuth token POST /iam/v1/tokens exchanges (repeatable)
  --service-account-key-out FILE
                           create a service account key and write its authorized-key JSON to FILE
                           (mode 0600), as \`yc iam key create --output FILE\` does
  --iam-token-lifetime-ms N
                           lifetime of issued IAM tokens (default 43200000: 12 hours)
  --metadata               serve the VM metadata service's token path,
                           GET /computeMetadata/v1/instance/service-accounts/default/token
                           (point YC_METADATA_ADDR at the emulator's host:port)
  --operation-duration-ms N
                           how long restore and delete operations take (default 300)
  --help                   show this help

Prints "listening on <url>" once ready and runs until SIGINT or SIGTERM.
`;

const MAX_GENERATED_BACKUPS = 2_000_000;
const MAX_IAM_TOKEN_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
const MAX_OPERATION_DURATION_MS = 24 * 60 * 60 * 1000;

/** Bad command-line arguments: the message says which. */
export class EmulatorUsageError extends Error {
  override readonly name = "EmulatorUsageError";
}

export type EmulatorCommand =
  | { readonly help: true }
  | {
      readonly help: false;
      readonly options: EmulatorOptions;
      /** Where to write a newly created service account key, when asked. */
      readonly serviceAccountKeyOut?: string;
    };

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
        "oauth-token": { type: "string", multiple: true },
        "service-account-key-out": { type: "string" },
        "iam-token-lifetime-ms": { type: "string" },
        metadata: { type: "boolean" },
        "operation-duration-ms": { type: "string" },
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
  const oauthTokens = values["oauth-token"] ?? [];
  if (oauthTokens.includes("")) throw new EmulatorUsageError("--oauth-token must not be empty");
  if (oauthTokens.length > 0) options.oauthTokens = [...oauthTokens];
  if (values["iam-token-lifetime-ms"] !== undefined) {
    const lifetime = wholeNumber(
      "--iam-token-lifetime-ms",
      values["iam-token-lifetime-ms"],
      MAX_IAM_TOKEN_LIFETIME_MS,
    );
    if (lifetime === 0) throw new EmulatorUsageError("--iam-token-lifetime-ms must be at least 1");
    options.iamTokenLifetimeMs = lifetime;
  }
  if (values.metadata === true) options.metadata = true;
  if (values["operation-duration-ms"] !== undefined) {
    options.operationDurationMs = wholeNumber(
      "--operation-duration-ms",
      values["operation-duration-ms"],
      MAX_OPERATION_DURATION_MS,
    );
  }
  const keyOut = values["service-account-key-out"];
  if (keyOut === undefined) return { help: false, options };
  if (keyOut === "") throw new EmulatorUsageError("--service-account-key-out must not be empty");
  return { help: false, options, serviceAccountKeyOut: keyOut };
}

/** Writes a new key of the emulator's, readable by the owner only, as `yc iam key create` would. */
function writeServiceAccountKey(emulator: Emulator, path: string): void {
  const key = emulator.createServiceAccountKey();
  // yc is written in Go, whose JSON encoder escapes < and > (the private key's first line has both).
  const json = JSON.stringify(key, null, 2).replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
  writeFileSync(path, `${json}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** Starts the emulator a parsed command describes, and writes the key file it asks for. */
export async function startEmulatorCommand(
  command: Extract<EmulatorCommand, { help: false }>,
): Promise<Emulator> {
  const emulator = await startEmulator(command.options);
  if (command.serviceAccountKeyOut !== undefined) {
    try {
      writeServiceAccountKey(emulator, command.serviceAccountKeyOut);
    } catch (error) {
      await emulator.close();
      throw error;
    }
  }
  return emulator;
}

/** Parses the command line and starts the emulator it describes; `--help` is refused here. */
export async function runEmulatorCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<Emulator> {
  const command = parseEmulatorArgs(argv, env);
  if (command.help) throw new EmulatorUsageError("--help does not start an emulator");
  return startEmulatorCommand(command);
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
    emulator = await startEmulatorCommand(command);
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
