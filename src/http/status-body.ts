/** The facts a `google.rpc.Status` error body carries, read leniently: any of them may be absent. */
export interface StatusBody {
  readonly grpcCode?: number;
  readonly message?: string;
  readonly requestId?: string;
}

const REQUEST_INFO = "type.googleapis.com/google.rpc.RequestInfo";

export function readStatusBody(text: string): StatusBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof parsed !== "object" || parsed === null) return {};
  const body = parsed as { code?: unknown; message?: unknown; details?: unknown };
  let requestId: string | undefined;
  if (Array.isArray(body.details)) {
    for (const detail of body.details as unknown[]) {
      const d = detail as { "@type"?: unknown; requestId?: unknown } | null;
      if (d && d["@type"] === REQUEST_INFO && typeof d.requestId === "string") requestId = d.requestId;
    }
  }
  return {
    grpcCode: typeof body.code === "number" && Number.isInteger(body.code) ? body.code : undefined,
    message: typeof body.message === "string" ? body.message.slice(0, 1000) : undefined,
    requestId,
  };
}
