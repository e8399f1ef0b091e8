export * from "./review.js";
