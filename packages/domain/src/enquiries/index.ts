export * from "./enquiry.js";
