export * from "./practitioner.js";
