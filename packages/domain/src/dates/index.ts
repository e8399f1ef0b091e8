export * from "./iso-weeks.js";
export * from "./labels.js";
export * from "./local-days.js";
export * from "./local-time.js";
