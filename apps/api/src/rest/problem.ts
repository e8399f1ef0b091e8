import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { AppError } from "../errors.js";
import { fieldErrorsOf, toTRPCError } from "../trpc/errors.js";

// Refusals of the REST API as RFC 9457 problem objects (decision 033), from the same errors the
// tRPC procedures throw and the same map (trpc/errors.ts): a field error names its field.

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  412: "Precondition failed",
  413: "Content too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
};

export const INTERNAL_DETAIL = "Something went wrong on our side. Please try again.";

export function problem(status: number, detail: string, errors?: Problem["errors"]): Problem {
  return {
    type: "about:blank",
    title: TITLES[status] ?? "Error",
    status,
    detail,
    ...(errors?.length ? { errors } : {}),
  };
}

/** Any failure of a call as a problem; an unknown one is a 500 that says nothing internal. */
export function problemOf(error: unknown): Problem {
  const trpc = error instanceof TRPCError ? toTRPCError(error) : toTRPCError(error);
  const status = getHTTPStatusCodeFromError(trpc);
  if (trpc.code === "INTERNAL_SERVER_ERROR") return problem(500, INTERNAL_DETAIL);
  const fieldErrors =
    trpc.code === "BAD_REQUEST" || trpc.code === "CONFLICT" ? fieldErrorsOf(trpc.cause) : null;
  const errors = fieldErrors
    ? Object.entries(fieldErrors).flatMap(([field, messages]) =>
        messages.map((message) => ({ field, message })),
      )
    : undefined;
  const detail =
    fieldErrors && !(trpc.cause instanceof AppError) ? "Some fields are invalid" : trpc.message;
  return problem(status, detail, errors);
}
