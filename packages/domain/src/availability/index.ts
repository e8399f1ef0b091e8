export * from "./working-hours.js";
