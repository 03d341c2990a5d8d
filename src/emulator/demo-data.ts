import type { EmulatorBackup } from "./emulator-backup";

const DEMO_CLUSTER_ID = "c9qdemo0sqlserver01";
const DEMO_FOLDER_ID = "b1gdemofolder0000001";
const BEFORE_AUDIT: readonly string[] = ["orders", "billing"];
const ALL_DATABASES: readonly string[] = ["orders", "billing", "audit"];

// [startedAt, createdAt (absent while running), databases]. Daily automatic backups at about 03:00Z, with
// the "audit" database appearing on 2026-11-09, plus two manual ones. Timestamps deliberately vary in
// fractional precision and offset, as the API's may.
const DEMO_ROWS: readonly (readonly [string, string | undefined, readonly string[]])[] = [
  ["2026-11-04T03:00:04Z", "2026-11-04T03:07:41Z", BEFORE_AUDIT],
  ["2026-11-05T03:00:03Z", "2026-11-05T03:08:12.5Z", BEFORE_AUDIT],
  ["2026-11-06T03:00:05Z", "2026-11-06T03:07:58Z", BEFORE_AUDIT],
  ["2026-11-07T03:00:02Z", "2026-11-07T03:09:03.123Z", BEFORE_AUDIT],
  ["2026-11-08T03:00:04Z", "2026-11-08T03:08:47Z", BEFORE_AUDIT],
  ["2026-11-09T03:00:03Z", "2026-11-09T03:10:22Z", ALL_DATABASES],
  ["2026-11-10T03:00:03Z", "2026-11-10T06:08:19+03:00", ALL_DATABASES],
  ["2026-11-11T03:00:06Z", "2026-11-11T03:07:36.123456789Z", ALL_DATABASES],
  ["2026-11-12T03:00:04Z", "2026-11-12T03:09:55Z", ALL_DATABASES],
  ["2026-11-12T14:25:10Z", "2026-11-12T14:31:52.77Z", ["billing"]],
  ["2026-11-13T03:00:02Z", "2026-11-13T03:08:05.042Z", ALL_DATABASES],
  ["2026-11-14T03:00:05Z", "2026-11-14T03:08:30Z", ALL_DATABASES],
  ["2026-11-15T03:00:03Z", "2026-11-15T03:09:14Z", ALL_DATABASES],
  ["2026-11-15T09:40:00.5Z", "2026-11-15T09:44:18Z", ["orders", "audit"]],
  ["2026-11-16T03:00:04Z", undefined, ALL_DATABASES],
];

function compactInstant(rfc3339: string): string {
  return `${rfc3339.slice(0, 19).replace(/[-:]/g, "")}Z`;
}

/** Reproducible demo data: one cluster with fifteen backups from 2026-11-04 to 2026-11-16. */
export function demoClusterBackups(): { clusterId: string; backups: EmulatorBackup[] } {
  const backups = DEMO_ROWS.map(([startedAt, createdAt, databases]) => {
    const backup: EmulatorBackup = {
      id: `${DEMO_CLUSTER_ID}:stream_${compactInstant(startedAt)}`,
      folderId: DEMO_FOLDER_ID,
      startedAt,
      sourceClusterId: DEMO_CLUSTER_ID,
      databases: [...databases],
    };
    if (createdAt !== undefined) backup.createdAt = createdAt;
    return backup;
  });
  return { clusterId: DEMO_CLUSTER_ID, backups };
}
