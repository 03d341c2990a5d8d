import type { LookupResult } from "../lookup/lookup-result";

/** A plain-text table of a lookup's result, newest first, for people. */
export function formatBackupTable(result: LookupResult): string {
  const header = ["ID", "CREATED AT", "STARTED AT", "DATABASES"];
  const rows = result.backups.map((b) => [
    b.id,
    b.createdAt,
    b.startedAt || "-",
    b.databases.join(",") || "-",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  const lines = [
    `cluster ${result.clusterId}: ${result.backups.length} backup${result.backups.length === 1 ? "" : "s"} ` +
      `(${result.scanned} scanned)`,
    "",
    line(header),
    ...rows.map(line),
    "",
    result.latest ? `latest: ${result.latest.id} (created ${result.latest.createdAt})` : "latest: none",
  ];
  return lines.join("\n");
}
