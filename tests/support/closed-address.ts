import { startEmulator } from "../../src/emulator";

/** A `127.0.0.1:port` where nothing listens: an emulator's address, taken and then closed. */
export async function closedLoopbackAddress(): Promise<string> {
  const closed = await startEmulator();
  const address = new URL(closed.url).host;
  await closed.close();
  return address;
}
