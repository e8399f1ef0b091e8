export * from "./plan-input.js";
export * from "./plan-occurrences.js";
