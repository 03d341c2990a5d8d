import type { Backup } from "../../src/backups/backup";
import { BackupRecords, NO_START } from "../../src/backups/backup-records";
import { parseInstant } from "../../src/backups/instant";

const backup = (id: string, folderId = "f"): Backup => ({
  id,
  folderId,
  createdAt: "",
  sourceClusterId: "c",
  startedAt: "",
  databases: [],
});

describe("BackupRecords", () => {
  it("orders newest created, then newest started, then id, then content", () => {
    const records = new BackupRecords(1);
    records.append(backup("a"), 100, 5, 0, NO_START, 0, 0); // 0
    records.append(backup("a"), 100, 5, 1, NO_START, 0, 0); // 1: created a nanosecond later
    records.append(backup("b"), 100, 5, 0, 99, 0, 0); // 2: started
    records.append(backup("a"), 100, 5, 0, 99, 0, 0); // 3: same time as 2, smaller id
    records.append(backup("a", "g"), 100, 5, 0, 99, 0, 0); // 4: same as 3 but for folderId
    const sorted = [0, 1, 2, 3, 4].sort((x, y) => records.compare(x, y));
    expect(sorted).toEqual([1, 3, 4, 2, 0]);
    expect(records.compare(3, 3)).toBe(0);
  });

  it("keeps every key through growth, and copies records between tables", () => {
    const page = new BackupRecords(1);
    for (let i = 0; i < 1000; i++)
      page.append(backup(`b${i}`), i, 86399 - (i % 86400), i * 7, -i, i, 1e9 - 1);
    const all = new BackupRecords(1);
    for (let i = 999; i >= 0; i--) expect(all.appendFrom(page, i)).toBe(999 - i);
    for (let i = 0; i < 999; i++) {
      expect(page.compare(i, i + 1)).toBeGreaterThan(0);
      expect(all.compare(i, i + 1)).toBeLessThan(0);
      expect(all.backups[i].id).toBe(`b${999 - i}`);
    }
    all.dropLast();
    expect(all.length).toBe(999);
    expect(all.appendFrom(page, 5)).toBe(999);
    expect(all.backups[999].id).toBe("b5");
  });

  it("compares createdAt to an instant", () => {
    const at = parseInstant("2026-11-28T03:00:00.5Z")!;
    const records = new BackupRecords();
    records.append(backup("x"), at.day, at.second, at.nanos, NO_START, 0, 0);
    records.append(backup("y"), at.day, at.second, at.nanos + 1, NO_START, 0, 0);
    expect(records.compareCreatedTo(0, at)).toBe(0);
    expect(records.compareCreatedTo(1, at)).toBeGreaterThan(0);
    expect(records.compareCreatedTo(0, parseInstant("2026-11-28T03:00:01Z")!)).toBeLessThan(0);
  });
});
