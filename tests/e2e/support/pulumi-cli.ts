import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The Pulumi CLI's bin directory: one on PATH if new enough, else built (or reused) by tools/pulumi-cli. */
export async function pulumiCliBinDir(): Promise<{ binDir: string; seconds: number; log: string }> {
  const started = Date.now();
  const { stdout, stderr } = await run(
    "bash",
    [join(__dirname, "..", "..", "..", "tools", "pulumi-cli", "build.sh")],
    {
      maxBuffer: 16 << 20,
      timeout: 40 * 60_000,
    },
  );
  const lines = stdout.trim().split("\n");
  return { binDir: lines[lines.length - 1], seconds: (Date.now() - started) / 1000, log: stderr.trim() };
}
