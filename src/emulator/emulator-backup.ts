/** A backup as seeded into the emulator. Fields beyond the documented ones are served as they are. */
export interface EmulatorBackup {
  id: string;
  folderId?: string;
  createdAt?: string;
  startedAt?: string;
  sourceClusterId?: string;
  databases?: string[];
  [extra: string]: unknown;
}

const PROTO_FIELD_ORDER = [
  "id",
  "folderId",
  "createdAt",
  "sourceClusterId",
  "startedAt",
  "databases",
] as const;
const PROTO_FIELDS: ReadonlySet<string> = new Set(PROTO_FIELD_ORDER);

// proto3 JSON never writes a field that holds its default value.
function isProto3Default(value: unknown): boolean {
  return (
    value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)
  );
}

/** The backup as the API writes it: documented fields in proto order, then extras, with defaults dropped. */
export function encodeBackupJson(backup: EmulatorBackup): string {
  if (typeof backup !== "object" || backup === null || typeof backup.id !== "string" || backup.id === "") {
    throw new TypeError("an emulator backup needs a non-empty string id");
  }
  const written: Record<string, unknown> = {};
  for (const name of PROTO_FIELD_ORDER) {
    if (!isProto3Default(backup[name])) written[name] = backup[name];
  }
  for (const [name, value] of Object.entries(backup)) {
    if (!PROTO_FIELDS.has(name) && !isProto3Default(value)) written[name] = value;
  }
  return JSON.stringify(written);
}
