import { randomBytes } from "node:crypto";

export interface PagePosition {
  readonly clusterId: string;
  readonly offset: number;
}

/**
 * Opaque page tokens, each bound to a cluster and an offset. A token stays valid for as long as its
 * cluster exists, so a retried request gets the same page; one position always gets the same token.
 */
export class PageTokenRegistry {
  private readonly positionsByToken = new Map<string, PagePosition>();
  private readonly tokensByPosition = new Map<string, string>();

  issue(clusterId: string, offset: number): string {
    const positionKey = `${clusterId}\n${offset}`;
    const existing = this.tokensByPosition.get(positionKey);
    if (existing !== undefined) return existing;
    const token = randomBytes(24).toString("base64url");
    this.positionsByToken.set(token, { clusterId, offset });
    this.tokensByPosition.set(positionKey, token);
    return token;
  }

  resolve(token: string): PagePosition | undefined {
    return this.positionsByToken.get(token);
  }

  forgetCluster(clusterId: string): void {
    for (const [token, position] of this.positionsByToken) {
      if (position.clusterId !== clusterId) continue;
      this.positionsByToken.delete(token);
      this.tokensByPosition.delete(`${clusterId}\n${position.offset}`);
    }
  }
}
