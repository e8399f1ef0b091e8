export * from "./staff.js";
