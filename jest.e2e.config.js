/** @type {import('jest').Config} */
const base = require("./jest.config.js");

// The end-to-end suite: the real Pulumi CLI, one scenario after another against one emulator.
module.exports = {
  ...base,
  testMatch: ["**/tests/e2e/**/*.e2e.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 10 * 60_000,
  maxWorkers: 1,
};
