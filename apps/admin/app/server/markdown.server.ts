// Server-only by name, so Remix keeps the renderer out of browser bundles.
export * from "@clinic/markdown";
