import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

// Typed loader data under single fetch (see the v3_singleFetch flag below).
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: { port: 3001, strictPort: true },
  plugins: [
    remix({
      // All v3 flags on, so the move to React Router 7 is a codemod rather than a rewrite.
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
  ],
});
