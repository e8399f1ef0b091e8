export * from "./booking.js";
