export * from "./duplicates.js";
export * from "./moderation.js";
export * from "./review.js";
