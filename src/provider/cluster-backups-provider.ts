import { randomUUID } from "node:crypto";
import type { StackConfig } from "../credentials/stack-config";
import { BackupLookupError, InvalidArgumentError } from "../errors";
import { lookupClusterBackups } from "../lookup/lookup-cluster-backups";
import {
  containsUnknown,
  hasPick,
  lookupArgsOf,
  pickOf,
  selectionKey,
  withoutPick,
  type Pick,
  type Properties,
} from "./provider-inputs";

/** What the provider host hands configure: the stack's config. */
export interface ProviderConfig {
  get(key: string): string | undefined;
}

export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}

let stackConfig: StackConfig | undefined;

/**
 * Runs in the dynamic-provider host process, once for the host: the stack config arrives here (the host
 * unwraps secrets before it does), so credentials are read at run time and never become inputs or state.
 */
export async function configure(request: { config: ProviderConfig }): Promise<void> {
  const config = request.config;
  stackConfig = { get: (key) => config.get(key), isSecret: () => false };
}

/**
 * Check is where the pick is made, because it is the one method the engine runs in preview whose result
 * becomes the resource's would-be state: the first preview can then show the pick. With olds whose
 * selection inputs are unchanged, the recorded pick is held, however many backups appeared since.
 */
export async function check(
  olds: Properties,
  news: Properties,
): Promise<{ inputs: Properties; failures?: CheckFailure[] }> {
  const inputs = withoutPick(news);
  if (containsUnknown(inputs)) return { inputs };
  if (hasPick(olds) && selectionKey(olds) === selectionKey(inputs))
    return { inputs: { ...inputs, ...pickOf(olds) } };
  try {
    return { inputs: { ...inputs, ...(await select(inputs)) } };
  } catch (error) {
    if (error instanceof InvalidArgumentError)
      return { inputs, failures: [{ property: error.argument, reason: error.message }] };
    throw forTheEngine(error);
  }
}

/** Changes only when the selection inputs or the pick changed; never a replacement. */
export async function diff(
  _id: string,
  olds: Properties,
  news: Properties,
): Promise<{ changes: boolean; replaces: string[] }> {
  const pickChanged = JSON.stringify(pickOf(olds)) !== JSON.stringify(pickOf(news));
  const changes = pickChanged || selectionKey(olds) !== selectionKey(news) || containsUnknown(news);
  return { changes, replaces: [] };
}

export async function create(inputs: Properties): Promise<{ id: string; outs: Properties }> {
  return { id: randomUUID(), outs: await withPick(inputs) };
}

export async function update(
  _id: string,
  _olds: Properties,
  news: Properties,
): Promise<{ outs: Properties }> {
  return { outs: await withPick(news) };
}

/** A refresh keeps the recorded pick: holding it is the point of the resource. */
export async function read(id: string, props: Properties): Promise<{ id: string; props: Properties }> {
  return { id, props };
}

export async function remove(): Promise<void> {
  // Nothing to delete: the resource only records a choice.
}

/** Inputs with their pick; normally check made it already, unless the inputs were unknown then. */
async function withPick(inputs: Properties): Promise<Properties> {
  if (hasPick(inputs)) return inputs;
  try {
    return { ...inputs, ...(await select(inputs)) };
  } catch (error) {
    throw forTheEngine(error);
  }
}

async function select(inputs: Properties): Promise<Pick> {
  const log = debugLog();
  const result = await lookupClusterBackups(lookupArgsOf(inputs), { config: stackConfig, log });
  return {
    backups: result.backups,
    ...(result.latest ? { latest: result.latest } : {}),
    ids: result.ids,
    scanned: result.scanned,
    selectedAt: new Date().toISOString(),
  };
}

function debugLog(): (message: string) => void {
  try {
    // Loaded lazily: the host resolves @pulumi/pulumi from the program's own node_modules.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pulumi = require("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
    return (message) => void pulumi.log.debug(message);
  } catch {
    return () => undefined;
  }
}

/**
 * The host reports an error by its message alone and prints `${error}: ${error.stack}` to stderr. Lead
 * the message with the class name, so preview and up read like the function form, and keep the stack to
 * that one line: a trace through the host's deserialised code helps no one.
 */
function forTheEngine(error: unknown): unknown {
  if (!(error instanceof BackupLookupError)) return error;
  const reported = new Error(`${error.name}: ${error.message}`);
  reported.stack = reported.message;
  Object.defineProperty(reported, "toString", { value: () => "ClusterBackups" });
  return reported;
}
