export * from "./markdown.js";
