export * from "./duplicates.js";
export * from "./review.js";
export * from "./moderation.js";
