import { encodeBackupJson, type EmulatorBackup } from "./emulator-backup";
import { PageTokenRegistry } from "./page-tokens";
import { compareServerOrder, serverOrderKey, type ServerOrderPosition } from "./server-order";

/** A backup ready to serve: its place in the server order and its JSON, encoded once when it was added. */
export interface ServedBackup extends ServerOrderPosition {
  readonly json: string;
}

export interface ClusterContents {
  /** Always kept in server order, so a page is a slice. */
  readonly backups: readonly ServedBackup[];
  /** Response bodies by page token ("" = first page) that replace real paging while set. */
  readonly scriptedPages?: ReadonlyMap<string, string>;
}

interface MutableClusterContents {
  backups: ServedBackup[];
  scriptedPages?: Map<string, string>;
}

/** Every emulated cluster's backups in server order, and the page tokens issued for them. */
export class ClusterStore {
  readonly pageTokens = new PageTokenRegistry();
  private readonly clusters = new Map<string, MutableClusterContents>();

  constructor(private readonly seed: number) {}

  get(clusterId: string): ClusterContents | undefined {
    return this.clusters.get(clusterId);
  }

  /** The first backup with this id in any cluster (scripted pages aside), as it is served. */
  findBackup(backupId: string): { readonly clusterId: string; readonly json: string } | undefined {
    for (const [clusterId, contents] of this.clusters) {
      const backup = contents.backups.find((served) => served.id === backupId);
      if (backup !== undefined) return { clusterId, json: backup.json };
    }
    return undefined;
  }

  /** Creates the cluster if it does not exist, then adds the backups (a known id is replaced). */
  addCluster(clusterId: string, backups: readonly EmulatorBackup[] = []): void {
    const contents = this.contentsOf(clusterId);
    for (const backup of backups) this.insert(contents, this.serve(backup));
  }

  addBackup(clusterId: string, backup: EmulatorBackup): void {
    this.insert(this.contentsOf(clusterId), this.serve(backup));
  }

  /** Replaces the cluster's backups (creating it if needed) and ends any scripted paging. */
  setBackups(clusterId: string, backups: readonly EmulatorBackup[]): void {
    const byId = new Map<string, ServedBackup>();
    for (const backup of backups) {
      const served = this.serve(backup);
      byId.set(served.id, served);
    }
    const ordered = [...byId.values()].sort(compareServerOrder);
    this.clusters.set(clusterId, { backups: ordered });
    this.pageTokens.forgetCluster(clusterId);
  }

  removeCluster(clusterId: string): void {
    this.clusters.delete(clusterId);
    this.pageTokens.forgetCluster(clusterId);
  }

  /** String bodies are sent verbatim (so they may be malformed JSON); anything else is JSON-encoded. */
  scriptPages(clusterId: string, pages: Readonly<Record<string, unknown>>): void {
    const scripted = new Map<string, string>();
    for (const [token, page] of Object.entries(pages)) {
      const body = typeof page === "string" ? page : JSON.stringify(page);
      if (body === undefined) throw new TypeError(`scripted page "${token}" cannot be written as JSON`);
      scripted.set(token, body);
    }
    this.contentsOf(clusterId).scriptedPages = scripted;
  }

  private contentsOf(clusterId: string): MutableClusterContents {
    let contents = this.clusters.get(clusterId);
    if (contents === undefined) {
      contents = { backups: [] };
      this.clusters.set(clusterId, contents);
    }
    return contents;
  }

  private serve(backup: EmulatorBackup): ServedBackup {
    const json = encodeBackupJson(backup);
    return { key: serverOrderKey(this.seed, backup.id), id: backup.id, json };
  }

  private insert(contents: MutableClusterContents, served: ServedBackup): void {
    const { backups } = contents;
    let low = 0;
    let high = backups.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareServerOrder(backups[middle], served) < 0) low = middle + 1;
      else high = middle;
    }
    if (low < backups.length && backups[low].id === served.id) backups[low] = served;
    else backups.splice(low, 0, served);
  }
}
