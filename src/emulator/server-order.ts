export const DEFAULT_SERVER_ORDER_SEED = 0x5eed;

/**
 * Where a backup sits in the server's listing: a seeded 32-bit hash of its id (FNV-1a with the seed as
 * offset basis, then the murmur3 finaliser so nearby ids scatter). It depends on the id alone, so a backup
 * added later lands among the others without moving them relative to each other.
 */
export function serverOrderKey(seed: number, id: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < id.length; i++) {
    hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export interface ServerOrderPosition {
  readonly key: number;
  readonly id: string;
}

export function compareServerOrder(a: ServerOrderPosition, b: ServerOrderPosition): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
