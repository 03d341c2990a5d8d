import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { Socket } from "node:net";

export function writeResponse(
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  body: string | Buffer,
): void {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  res.writeHead(status, { ...headers, "content-length": bytes.length });
  res.end(bytes);
}

export function firstHalfOf(body: string): Buffer {
  const bytes = Buffer.from(body);
  return bytes.subarray(0, Math.floor(bytes.length / 2));
}

/** Promises the whole body in Content-Length, sends the headers and half of it, then drops the connection. */
export function writeHalfThenDisconnect(
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  body: string,
): void {
  const bytes = Buffer.from(body);
  const socket = res.socket;
  res.writeHead(status, { ...headers, "content-length": bytes.length });
  // A plain close (FIN) after the flush, not a reset: a reset can make the client discard the bytes it
  // already received, headers included, which would be the other fault.
  res.write(firstHalfOf(body), () => socket?.destroy());
}

export function resetConnection(socket: Socket): void {
  socket.resetAndDestroy();
}
