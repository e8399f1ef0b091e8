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
 * fetch (undici) drops an idle connection after 4 s, before this server's 5 s keep-alive
 * timeout, so neither side reuses a socket the other is closing.
 */
export function listen(options: HttpServerOptions, onListening?: (info: AddressInfo) => void) {
  return serve(
    { fetch: options.fetch, hostname: options.hostname, port: options.port },
    onListening,
  );
}
