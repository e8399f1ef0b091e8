import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";

export interface HttpServerOptions {
  fetch: (request: Request, env: unknown) => Response | Promise<Response>;
  hostname?: string;
  port: number;
}

/** The API's HTTP server: `@hono/node-server` with the connection settings production needs. */
export function listen(options: HttpServerOptions, onListening?: (info: AddressInfo) => void) {
  return serve(
    { fetch: options.fetch, hostname: options.hostname, port: options.port },
    onListening,
  );
}
