import { EmulatorUsageError, parseEmulatorArgs, runEmulatorCommand } from "../../src/cli/emulator-main";
import { EMULATOR_TOKEN } from "../../src/emulator";
import { fetchPage, pageThrough } from "./list-backups-client";

describe("parseEmulatorArgs", () => {
  it("defaults to 127.0.0.1, any port and the built-in token", () => {
    expect(parseEmulatorArgs([])).toEqual({
      help: false,
      options: { host: "127.0.0.1", tokens: [EMULATOR_TOKEN], clusters: {} },
    });
  });

  it("reads every flag", () => {
    const command = parseEmulatorArgs([
      "--port=8123",
      "--host",
      "::1",
      "--demo",
      "--generate",
      "c9qa:3",
      "--generate=c9qb:0",
      "--latency-ms",
      "20",
      "--page-size-default",
      "50",
      "--token",
      "one",
      "--token",
      "two",
    ]);
    if (command.help) throw new Error("unexpected help");
    const { clusters, ...rest } = command.options;
    expect(rest).toEqual({
      host: "::1",
      port: 8123,
      latencyMs: 20,
      defaultPageSize: 50,
      tokens: ["one", "two"],
    });
    expect(Object.keys(clusters ?? {})).toEqual(["c9qdemo0sqlserver01", "c9qa", "c9qb"]);
    expect(clusters?.c9qa).toHaveLength(3);
    expect(clusters?.c9qb).toEqual([]);
  });

  it("splits --generate at the last colon", () => {
    const command = parseEmulatorArgs(["--generate", "odd:cluster:2"]);
    expect(command.help ? {} : command.options.clusters).toEqual({ "odd:cluster": expect.any(Array) });
  });

  it("also accepts YC_TOKEN when set", () => {
    const command = parseEmulatorArgs([], { YC_TOKEN: "t1.from.env" });
    expect(command.help ? [] : command.options.tokens).toEqual([EMULATOR_TOKEN, "t1.from.env"]);
    const withFlag = parseEmulatorArgs(["--token", "t"], { YC_TOKEN: "" });
    expect(withFlag.help ? [] : withFlag.options.tokens).toEqual(["t"]);
  });

  it("recognises --help and -h", () => {
    expect(parseEmulatorArgs(["--help"])).toEqual({ help: true });
    expect(parseEmulatorArgs(["-h", "--port", "1"])).toEqual({ help: true });
  });

  it.each([
    ["--bogus"],
    ["positional"],
    ["--port"],
    ["--port", "http"],
    ["--port", "70000"],
    ["--port", "-1"],
    ["--host", "0.0.0.0"],
    ["--host", "example.com"],
    ["--host", "192.168.1.10"],
    ["--generate", "nocount"],
    ["--generate", ":5"],
    ["--generate", "c9q:many"],
    ["--latency-ms", "1.5"],
    ["--page-size-default", "0"],
    ["--page-size-default", "1001"],
    ["--token", ""],
    ["--demo=yes"],
  ])("refuses %j", (...argv) => {
    expect(() => parseEmulatorArgs(argv)).toThrow(EmulatorUsageError);
  });
});

describe("runEmulatorCommand", () => {
  it("starts an emulator seeded as the flags say", async () => {
    const emulator = await runEmulatorCommand(
      ["--demo", "--generate", "c9qcli:25", "--page-size-default", "10", "--token", "cli-token"],
      {},
    );
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(emulator.token).toBe("cli-token");
      expect((await pageThrough(emulator, "c9qcli")).map((page) => page.length)).toEqual([10, 10, 5]);
      expect((await fetchPage(emulator, "c9qdemo0sqlserver01", { pageSize: "100" })).backups).toHaveLength(
        15,
      );
    } finally {
      await emulator.close();
    }
  });

  it("refuses --help and bad flags", async () => {
    await expect(runEmulatorCommand(["--help"], {})).rejects.toThrow(EmulatorUsageError);
    await expect(runEmulatorCommand(["--port", "x"], {})).rejects.toThrow(EmulatorUsageError);
  });
});
