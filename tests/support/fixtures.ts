import type { EmulatorBackup } from "../../src/emulator";

/**
 * `count` finished backups of one cluster whose expected order is known without the code under test:
 * backup i was created i minutes after the base instant, so the newest first is b(count-1) … b0.
 * Timestamps vary their fractional digits and UTC offset to exercise instant comparison.
 */
export function orderedBackups(clusterId: string, count: number): EmulatorBackup[] {
  const base = Date.UTC(2026, 10, 1, 0, 0, 0);
  return Array.from({ length: count }, (_, i) => {
    const created = new Date(base + i * 60_000);
    return {
      id: `bk-${String(i).padStart(5, "0")}`,
      folderId: "b1gfolder",
      sourceClusterId: clusterId,
      createdAt: rfc3339(created, i),
      startedAt: new Date(created.getTime() - 30_000).toISOString(),
      databases: i % 3 === 0 ? ["orders", "billing"] : ["orders"],
    };
  });
}

/** The ids orderedBackups(…, count) must come back in. */
export function expectedIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `bk-${String(count - 1 - i).padStart(5, "0")}`);
}

function rfc3339(at: Date, i: number): string {
  const iso = at.toISOString(); // 2026-11-01T00:00:00.000Z
  switch (i % 4) {
    case 0:
      return iso.replace(".000Z", "Z");
    case 1:
      return iso.replace(".000Z", ".000000000Z");
    case 2: {
      // The same instant written at +03:00.
      const shifted = new Date(at.getTime() + 3 * 3600_000).toISOString();
      return shifted.replace(".000Z", ".0+03:00");
    }
    default:
      return iso.replace("Z", "001Z").replace(/\.(\d{3})001Z$/, ".$1000Z");
  }
}
