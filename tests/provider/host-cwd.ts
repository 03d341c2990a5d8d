import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * The provider host resolves `pulumi-yandex-backups/dynamic-provider` from its working directory, as it
 * would from a program's. From this repository's root that is the package itself (by its own name, through
 * package.json "exports"), built into dist/.
 */
export function hostCwd(): string {
  const root = join(__dirname, "..", "..");
  if (!existsSync(join(root, "dist", "src", "provider", "index.js"))) {
    throw new Error("dist/ is missing: run `npm run build` first");
  }
  return root;
}
