import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";

/**
 * The host script as the engine's plugin shim finds it: `@pulumi/pulumi` resolved from the program's
 * directory (a packed install's own copy), else this repository's.
 */
function hostScript(cwd: string): string {
  const id = "@pulumi/pulumi/cmd/dynamic-provider";
  try {
    return createRequire(join(cwd, "index.js")).resolve(id);
  } catch {
    return require.resolve(id);
  }
}

/** The running `@pulumi/pulumi/cmd/dynamic-provider` process and everything it has printed. */
export interface HostProcess {
  readonly port: number;
  /** stdout and stderr, interleaved as they arrived. */
  readonly output: string;
  stop(): Promise<void>;
}

export interface HostProcessOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  engineAddress: string;
  startTimeoutMs: number;
}

export async function spawnHostProcess(options: HostProcessOptions): Promise<HostProcess> {
  // The engine passes its own address as the only argument; the host requires it but never dials it.
  const child = spawn(process.execPath, [hostScript(options.cwd), options.engineAddress], {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const captured = { output: "" };
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (captured.output += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (captured.output += chunk));
  try {
    const port = await portOf(child, captured, options.startTimeoutMs);
    return {
      port,
      get output() {
        return captured.output;
      },
      stop: () => stopProcess(child),
    };
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
}

/** The host prints its port as the first line of stdout once its server is bound. */
function portOf(child: ChildProcess, captured: { output: string }, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
      child.off("error", onError);
      settle();
    };
    const fail = (reason: string): void =>
      finish(() => reject(new Error(`dynamic-provider host ${reason}:\n${captured.output}`)));
    const onData = (): void => {
      const match = /^(\d+)\r?\n/.exec(captured.output);
      if (match) finish(() => resolve(Number(match[1])));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      fail(`exited (${signal ?? code}) before printing its port`);
    const onError = (error: Error): void => finish(() => reject(error));
    const timer = setTimeout(() => fail(`printed no port in ${timeoutMs} ms`), timeoutMs);
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
    child.once("error", onError);
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const escalation = setTimeout(() => child.kill("SIGKILL"), 3_000);
  await exited;
  clearTimeout(escalation);
}
