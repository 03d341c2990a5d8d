import { demoClusterBackups, EMULATOR_TOKEN, generateBackups } from "../../src/emulator";

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

describe("EMULATOR_TOKEN", () => {
  it("looks like an IAM token: t1. and exactly two dots, base64url segments", () => {
    expect(EMULATOR_TOKEN).toMatch(/^t1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });
});

describe("demoClusterBackups", () => {
  const demo = demoClusterBackups();

  it("is reproducible and returns fresh copies", () => {
    const again = demoClusterBackups();
    expect(again).toEqual(demo);
    again.backups[0].databases?.push("mutated");
    expect(demoClusterBackups()).toEqual(demo);
  });

  it("holds the demo cluster's fifteen backups in one folder", () => {
    expect(demo.clusterId).toBe("c9qdemo0sqlserver01");
    expect(demo.backups).toHaveLength(15);
    expect(new Set(demo.backups.map((b) => b.id)).size).toBe(15);
    for (const backup of demo.backups) {
      expect(backup).toMatchObject({ folderId: "b1gdemofolder0000001", sourceClusterId: demo.clusterId });
      expect(backup.startedAt).toMatch(RFC3339);
      if (backup.createdAt !== undefined) expect(backup.createdAt).toMatch(RFC3339);
      for (const database of backup.databases ?? [])
        expect(["orders", "billing", "audit"]).toContain(database);
    }
  });

  it("has one running backup, varied fractional precision and a +03:00 offset", () => {
    expect(demo.backups.filter((b) => b.createdAt === undefined)).toHaveLength(1);
    const created = demo.backups.map((b) => b.createdAt ?? "");
    expect(created.some((t) => t.endsWith("+03:00"))).toBe(true);
    const fractionDigits = new Set(
      created.map((t) => /\.(\d+)/.exec(t)?.[1].length).filter((n) => n !== undefined),
    );
    expect(fractionDigits.size).toBeGreaterThanOrEqual(3);
  });
});

describe("generateBackups", () => {
  it("makes unique, realistic backups deterministically", () => {
    const backups = generateBackups("c9qgen", 1000, { seed: 7 });
    expect(backups).toHaveLength(1000);
    expect(generateBackups("c9qgen", 1000, { seed: 7 })).toEqual(backups);
    expect(generateBackups("c9qgen", 1000, { seed: 8 })).not.toEqual(backups);
    expect(new Set(backups.map((b) => b.id)).size).toBe(1000);
    for (const backup of backups) {
      expect(backup.id.startsWith("c9qgen:")).toBe(true);
      expect(backup.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
      expect(backup.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
      expect(Date.parse(backup.startedAt ?? "")).toBeLessThan(Date.parse(backup.createdAt ?? ""));
      expect(backup.databases?.length).toBeGreaterThanOrEqual(1);
      expect(backup.databases?.length).toBeLessThanOrEqual(3);
      expect(new Set(backup.databases).size).toBe(backup.databases?.length);
    }
  });

  it("starts at startMs", () => {
    const [first] = generateBackups("c9qgen", 1, { startMs: Date.UTC(2030, 0, 1) });
    expect(first.startedAt?.startsWith("2030-01-01T00:0")).toBe(true);
  });

  it("refuses a negative count", () => {
    expect(() => generateBackups("c9qgen", -1)).toThrow(RangeError);
  });
});
