export * from "./local-time.js";
export * from "./slots.js";
export * from "./working-hours.js";
