import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import ts from "typescript";
import { installPackedPackage } from "../../support/packed-install";

/**
 * A program directory as a user has it: the package installed from its tarball with @pulumi/pulumi,
 * the example programs (transpiled to JavaScript: they are type-checked with the repository), and the
 * stack driver.
 */
export async function preparePackedProgram(programs: Record<string, string[]>): Promise<string> {
  const dir = await installPackedPackage();
  for (const [name, files] of Object.entries(programs)) {
    for (const file of files) {
      const output = ts.transpileModule(readFileSync(file, "utf8"), {
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2022,
          esModuleInterop: true,
        },
        fileName: file,
      }).outputText;
      const target =
        basename(file) === "index.ts" || files.length === 1
          ? `${name}.js`
          : basename(file).replace(/\.ts$/, ".js");
      writeFileSync(join(dir, target), output);
    }
  }
  copyFileSync(join(__dirname, "stack-driver.js"), join(dir, "stack-driver.js"));
  return dir;
}
