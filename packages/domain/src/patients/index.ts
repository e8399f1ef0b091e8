export * from "./data-rights.js";
