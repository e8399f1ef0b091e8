export * from "./waitlist.js";
