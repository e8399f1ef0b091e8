import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";

export interface HttpServerOptions {
  fetch: (request: Request, env: unknown) => Response | Promise<Response>;
  hostname?: string;
  port: number;
}

/**
 * The API's HTTP server, made in one place so the tests that talk to it over raw sockets
 * (http-server.test.ts) exercise the server production runs. Node's defaults stay: the sites'
 * fetch (undici 6) drops an idle connection 2 s before the `Keep-Alive: timeout=5` this server
 * announces, so it never reuses a socket the server is closing.
 */
export function listen(options: HttpServerOptions, onListening?: (info: AddressInfo) => void) {
  return serve(
    { fetch: options.fetch, hostname: options.hostname, port: options.port },
    onListening,
  );
}
