import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";

/** A key gate in front of the emulator: the API's front door while a key is being rotated. */
export interface KeyGate {
  /** Base URL of the gate on loopback, e.g. `http://127.0.0.1:43121`. */
  readonly url: string;
  /** From now on only this key is accepted: every other key, the previous one included, is revoked. */
  accept(key: string): void;
  /** The keys presented to the gate, in order (to tell which key an operation used). */
  readonly presentedKeys: string[];
  close(): Promise<void>;
}

/**
 * The emulator accepts one key, fixed when it starts, and keeps its objects in memory: restarting
 * it with another key would lose them. This gate forwards every request to the emulator over real
 * HTTP; the accepted key is swapped for the emulator's own key, any other key is passed on as it
 * is, so the emulator itself answers its genuine 401.
 */
export async function startKeyGate(emulatorUrl: string, emulatorKey: string, acceptedKey: string): Promise<KeyGate> {
  let accepted = acceptedKey;
  const presentedKeys: string[] = [];
  const target = new URL(emulatorUrl);
  const server = createServer((incoming, outgoing) => {
    const headers = { ...incoming.headers };
    const presented = headers["x-api-key"];
    if (typeof presented === "string") {
      presentedKeys.push(presented);
      if (presented === accepted) headers["x-api-key"] = emulatorKey;
    }
    headers.host = target.host;
    const forwarded = httpRequest(
      { hostname: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accept: (key) => {
      accepted = key;
    },
    presentedKeys,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
