export * from "./patient-access.js";
