export * from "./form-fields.js";
export * from "./intake-form.js";
