export * from "./post.js";
export * from "./post-editor.js";
