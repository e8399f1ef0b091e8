#!/usr/bin/env node
/**
 * Typechecks every package (each one with a `typecheck` script) as `tsc` in each would, in far
 * less CPU: packages whose tsconfig compiles with the same options are checked as one program.
 * Workspace packages export their TypeScript source, so `tsc` in the API checks the domain and
 * database packages again, and the router's inferred types are checked again in every package
 * that calls the API; one program checks each file once. Files come from each package's own
 * tsconfig, so nothing is left out; the groups run side by side, one process each.
 *
 * A program shares its global scope, so a `declare global` in one package would reach the others
 * of its group; no package has one (the two Remix apps augment `@remix-run/node` identically).
 * `pnpm typecheck` (tsc per package, cached by turbo) stays the everyday command; CI runs this.
 */
import { fork } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Every package with a `typecheck` script, and its parsed tsconfig. */
function packages() {
  const found = [];
  for (const folder of ["apps", "packages", "tooling", "examples"]) {
    for (const name of readdirSync(join(root, folder)).sort()) {
      const dir = join(root, folder, name);
      const manifest = join(dir, "package.json");
      const tsconfig = join(dir, "tsconfig.json");
      if (!existsSync(manifest) || !existsSync(tsconfig)) continue;
      if (!JSON.parse(readFileSync(manifest, "utf8")).scripts?.typecheck) continue;
      const parsed = ts.getParsedCommandLineOfConfigFile(
        tsconfig,
        {},
        {
          ...ts.sys,
          onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
            throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
          },
        },
      );
      if (parsed.errors.length > 0) throw new Error(format(parsed.errors));
      found.push({ dir, options: parsed.options, fileNames: parsed.fileNames });
    }
  }
  return found;
}

/** The options that decide how files are checked: all but where the config file was. */
function optionsKey(options) {
  const { configFilePath: _, pathsBasePath: __, ...rest } = options;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

function groups() {
  const byOptions = new Map();
  for (const pkg of packages()) {
    const key = optionsKey(pkg.options);
    const group = byOptions.get(key) ?? { options: pkg.options, dirs: [], fileNames: [] };
    group.dirs.push(relative(root, pkg.dir));
    group.fileNames.push(...pkg.fileNames);
    byOptions.set(key, group);
  }
  return [...byOptions.values()];
}

const formatHost = {
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: () => root,
  getNewLine: () => "\n",
};
function format(diagnostics) {
  return process.stdout.isTTY
    ? ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost)
    : ts.formatDiagnostics(diagnostics, formatHost);
}

function check(group) {
  const program = ts.createProgram({ rootNames: group.fileNames, options: group.options });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) process.stdout.write(format(diagnostics));
  return diagnostics.length;
}

const only = process.argv[2];
if (only !== undefined) {
  // A child: check one group. Its options keep their `types` resolving from a package's folder.
  process.exitCode = check(groups()[Number(only)]) > 0 ? 1 : 0;
} else {
  const all = groups();
  const started = Date.now();
  const results = await Promise.all(
    all.map(
      (group, index) =>
        new Promise((resolve) => {
          const child = fork(fileURLToPath(import.meta.url), [String(index)], { cwd: root });
          child.on("exit", (code) => {
            const seconds = ((Date.now() - started) / 1000).toFixed(1);
            console.log(
              `${code === 0 ? "ok  " : "FAIL"} ${group.dirs.join(", ")} (${group.fileNames.length} files, ${seconds}s)`,
            );
            resolve(code === 0);
          });
        }),
    ),
  );
  if (results.includes(false)) process.exitCode = 1;
}
