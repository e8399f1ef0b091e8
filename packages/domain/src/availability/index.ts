export * from "./opening-hours.js";
export * from "./opening-state.js";
export * from "./schedule-changes.js";
export * from "./slots.js";
export * from "./working-hours.js";
