import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_VERSION } from "../src/version";

it("PACKAGE_VERSION matches package.json", () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as {
    version: string;
  };
  expect(PACKAGE_VERSION).toBe(manifest.version);
});
