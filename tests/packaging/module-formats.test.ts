import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = join(__dirname, "..", "..");
const EXPECTED = [
  "BackupLookupError",
  "CredentialsError",
  "DEFAULT_RETRY_POLICY",
  "InvalidArgumentError",
  "MalformedResponseError",
  "NetworkError",
  "NoMatchingBackupsError",
  "PaginationError",
  "YandexApiError",
  "getClusterBackups",
  "getClusterBackupsOutput",
];

beforeAll(() => {
  if (!existsSync(join(root, "dist", "sdk", "index.js")))
    throw new Error("dist/ is missing: run `npm run build` first");
});

describe("the built package", () => {
  it("loads from a plain ES-module program, named exports included", async () => {
    const { stdout } = await run(process.execPath, [join(__dirname, "load-esm.mjs")], { cwd: root });
    const seen = JSON.parse(stdout) as { exports: string[]; output: string; base: string; latest: string };
    expect(seen.exports).toEqual(expect.arrayContaining(EXPECTED));
    expect(seen).toMatchObject({ output: "function", base: "function", latest: "b1" });
  });

  it("loads from a CommonJS program", async () => {
    const { stdout } = await run(process.execPath, [join(__dirname, "load-cjs.cjs")], { cwd: root });
    const seen = JSON.parse(stdout) as { exports: string[]; latest: string };
    expect(seen.exports).toEqual(expect.arrayContaining(EXPECTED));
    expect(seen.latest).toBe("b2");
  });
});
