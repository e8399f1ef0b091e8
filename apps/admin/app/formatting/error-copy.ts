import type { ErrorCopy, ErrorStatus } from "@clinic/form-kit";

/** What an admin error page tells staff, by status: what happened, and what to do about it. */
export const staffErrorCopy: Record<ErrorStatus, ErrorCopy> = {
  401: {
    title: "Please sign in",
    message: "Your session has ended. Sign in again to carry on where you were.",
  },
  403: {
    title: "You don't have access",
    message:
      "Your role doesn't allow this page. If you need it for your work, ask the clinic's owner.",
  },
  404: {
    title: "Page not found",
    message: "There is no page at this address. It may have moved, or the link may be mistyped.",
  },
  409: {
    title: "That changed in the meantime",
    message: "Someone else changed this at the same moment. Reload the page and try again.",
  },
  500: {
    title: "Something went wrong",
    message:
      "The page could not be shown. Try again in a moment; if it keeps happening, tell the clinic's administrator.",
  },
};
