/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/e2e/"],
  // p-retry 7 and is-network-error ship only as ES modules; Jest's CommonJS loader needs them transpiled.
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    "/node_modules/(p-retry|is-network-error)/.+\\.js$": [
      "ts-jest",
      { tsconfig: { allowJs: true, module: "commonjs", target: "ES2022" }, isolatedModules: true },
    ],
  },
  transformIgnorePatterns: ["/node_modules/(?!(p-retry|is-network-error)/)"],
  moduleNameMapper: {
    "^pulumi-yandex-backups$": "<rootDir>/sdk/index.ts",
    "^pulumi-yandex-backups/emulator$": "<rootDir>/src/emulator/index.ts",
  },
  setupFiles: ["<rootDir>/tests/support/loopback-only.ts"],
  testTimeout: 30000,
};
