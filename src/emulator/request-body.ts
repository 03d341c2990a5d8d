import type { IncomingMessage } from "node:http";

/** The body as UTF-8, or undefined when it is larger than maxBytes (it is still read to the end). */
export function readRequestBody(req: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on("end", () => resolve(size <= maxBytes ? Buffer.concat(chunks).toString("utf8") : undefined));
    req.on("error", reject);
    req.on("close", () => reject(new Error("the client went away before sending the whole body")));
  });
}
