// The Node.js flags every production server process runs with (`pnpm start`, each app's
// `start` script, `pnpm bench`):
// - source maps, so a stack trace in the logs names our files and lines;
// - a young generation of 4 MB semi-spaces instead of V8's 16 MB: a server's garbage is almost
//   all per-request and dies young, so collecting it more often costs little CPU, while the
//   larger space was ~40 MB of each process's resident memory under load (decision 017).
export const SERVER_NODE_FLAGS = ["--enable-source-maps", "--max-semi-space-size=4"];
