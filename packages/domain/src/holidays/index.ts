export * from "./public-holidays.js";
