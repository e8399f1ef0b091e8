export * from "./endpoints.js";
export * from "./events.js";
export * from "./signature.js";
export * from "./targets.js";
