export * from "./post.js";
