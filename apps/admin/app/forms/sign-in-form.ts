import { missingFieldMessages } from "@clinic/form-kit";

/** The sign-in form's words for fields left empty. */
export const signInErrors = missingFieldMessages({
  email: "Enter your email address",
  password: "Enter your password",
});
