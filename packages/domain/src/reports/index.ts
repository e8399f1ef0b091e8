export * from "./practice-report.js";
