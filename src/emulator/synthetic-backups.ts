import type { EmulatorBackup } from "./emulator-backup";

const SYNTHETIC_FOLDER_ID = "b1gsyntheticfolder01";
const DATABASE_POOL: readonly string[] = ["orders", "billing", "audit", "inventory", "reports"];
const DEFAULT_START_MS = Date.UTC(2026, 9, 1);
const SPACING_MS = 15 * 60_000;

// mulberry32: tiny, fast and good enough to make data that looks varied yet is reproducible.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function microsecondInstant(ms: number, extraMicros: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}${String(extraMicros).padStart(3, "0")}Z`;
}

/**
 * Deterministic synthetic backups for load tests: one every 15 minutes or so from `startMs`, ids
 * `${clusterId}:000000`, `${clusterId}:000001`, ..., timestamps with 6 fractional digits, 1–3 databases.
 */
export function generateBackups(
  clusterId: string,
  count: number,
  options: { seed?: number; startMs?: number } = {},
): EmulatorBackup[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError("count must be a non-negative integer");
  const random = seededRandom(options.seed ?? 1);
  const startMs = options.startMs ?? DEFAULT_START_MS;
  const width = Math.max(6, String(count - 1).length);
  const backups: EmulatorBackup[] = new Array<EmulatorBackup>(count);
  for (let n = 0; n < count; n++) {
    const startedMs = startMs + n * SPACING_MS + Math.floor(random() * 60_000);
    const createdMs = startedMs + 60_000 + Math.floor(random() * 20 * 60_000);
    const pool = [...DATABASE_POOL];
    const databases: string[] = [];
    const databaseCount = 1 + Math.floor(random() * 3);
    while (databases.length < databaseCount) {
      databases.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
    }
    backups[n] = {
      id: `${clusterId}:${String(n).padStart(width, "0")}`,
      folderId: SYNTHETIC_FOLDER_ID,
      createdAt: microsecondInstant(createdMs, Math.floor(random() * 1000)),
      sourceClusterId: clusterId,
      startedAt: microsecondInstant(startedMs, Math.floor(random() * 1000)),
      databases,
    };
  }
  return backups;
}
