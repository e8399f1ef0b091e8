#!/usr/bin/env node
/**
 * Bundles a Node server entry (the API's `src/server.ts`, the site's `server.ts`) into one ES
 * module under `dist/`, so production runs `node dist/…` instead of transpiling with tsx on
 * every start (decision 010).
 *
 * Workspace packages (`@clinic/*`) export TypeScript source, so they are bundled in. Every other
 * package stays an import resolved from the app's node_modules at run time: PGlite loads its
 * WebAssembly and argon2 its native binary from their own folders, which a bundle would break.
 * An app must therefore list, as its own dependencies, the packages its workspace packages import:
 * the build fails, naming the package, when one can't be found from the app's folder.
 *
 * Modules that find files next to their source (`new URL("../migrations", import.meta.url)`) get
 * their own location back: `import.meta.url` in a bundled workspace file is rewritten to the URL
 * of that source file, relative to the bundle, so the bundle still works if the checkout moves.
 */
import { existsSync, realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

/** The package a bare specifier names: `pino` for `pino/file`, `@scope/name` for `@scope/name/x`. */
function packageNameOf(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Whether Node, resolving from `dir`, finds the package in a node_modules folder up the tree. */
function resolvableFrom(dir, name) {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(resolve(at, "node_modules", name))) return true;
    if (dirname(at) === at) return false;
  }
}

/** @param {{ entry: string, outfile: string, cwd?: string }} options */
export async function bundleServer({ entry, outfile, cwd = process.cwd() }) {
  const absoluteOut = resolve(cwd, outfile);
  const outDir = dirname(absoluteOut);
  /** @type {import("esbuild").Plugin} */
  const sourceLocation = {
    name: "source-import-meta-url",
    setup(b) {
      b.onLoad({ filter: /\.[cm]?tsx?$/ }, async (args) => {
        const source = await readFile(args.path, "utf8");
        if (!source.includes("import.meta.url")) return undefined;
        const fromBundle = relative(outDir, args.path).split("\\").join("/");
        const original = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
        return {
          contents: source.replaceAll("import.meta.url", `(${original})`),
          loader: args.path.endsWith("x") ? "tsx" : "ts",
        };
      });
    },
  };
  /** @type {import("esbuild").Plugin} */
  const externalPackages = {
    name: "external-packages",
    setup(b) {
      // Bare specifiers other than our own workspace packages load from node_modules at run time.
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith("@clinic/") || args.path.startsWith("node:")) return undefined;
        const name = packageNameOf(args.path);
        // Found now from the bundle's folder, or `node dist/…` would fail at start-up instead.
        if (!resolvableFrom(outDir, name)) {
          return {
            errors: [
              {
                text: `"${name}" (imported by ${relative(cwd, args.importer)}) can't be found from ${cwd}: add it to that app's dependencies`,
              },
            ],
          };
        }
        return { path: args.path, external: true };
      });
    },
  };
  return build({
    absWorkingDir: cwd,
    entryPoints: [entry],
    outfile: absoluteOut,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    // Stack traces point at the TypeScript source.
    sourcesContent: false,
    logLevel: "warning",
    plugins: [externalPackages, sourceLocation],
    metafile: true,
  });
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) {
  const [entry, outfile = "dist/server.js"] = process.argv.slice(2);
  if (!entry) {
    console.error("usage: bundle-server <entry.ts> [dist/server.js]");
    process.exit(2);
  }
  await bundleServer({ entry, outfile });
  console.log(`bundled ${entry} → ${outfile}`);
}
