export * from "./enquiry.js";
export * from "./enquiry-inbox.js";
