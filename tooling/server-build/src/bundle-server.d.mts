import type { BuildResult } from "esbuild";

/** Bundles a Node server entry into one ES module (see bundle-server.mjs). */
export function bundleServer(options: {
  entry: string;
  outfile: string;
  cwd?: string;
}): Promise<BuildResult<{ metafile: true }>>;
