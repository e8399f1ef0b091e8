export { type AppDeps, createApp } from "./app.js";
export type { AppRouter, RouterInputs, RouterOutputs } from "./trpc/root.js";
