import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = join(__dirname, "..", "..");

/**
 * The package as users get it: `npm pack` of this repository, installed with @pulumi/pulumi into a fresh
 * program directory outside it. npm's cache (filled by `npm ci`) serves the dependencies.
 */
export async function installPackedPackage(): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), "yandex-backups-packed-"));
  await run("npm", ["pack", "--silent", "--pack-destination", work], { cwd: ROOT, maxBuffer: 16 << 20 });
  const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error("npm pack made no tarball");
  const program = join(work, "program");
  mkdirSync(program);
  const manifest = readFileSync(join(ROOT, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8");
  const pulumiVersion = (JSON.parse(manifest) as { version: string }).version;
  writeFileSync(
    join(program, "package.json"),
    JSON.stringify({ name: "packed-program", private: true }, null, 2),
  );
  await run(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      join(work, tarball),
      `@pulumi/pulumi@${pulumiVersion}`,
    ],
    { cwd: program, maxBuffer: 16 << 20 },
  );
  return program;
}
