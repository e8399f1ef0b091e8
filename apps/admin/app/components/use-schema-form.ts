import { type DefaultValue, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import type { $ZodErrorMap } from "zod/v4/core";

/** A form schema's fields, as typed in the browser. */
type Fields<Schema extends z.ZodType> =
  z.input<Schema> extends Record<string, unknown> ? z.input<Schema> : never;

/** What a form of the schema may start with (numbers as typed text, for instance). */
export type FormDefaults<Schema extends z.ZodType> = DefaultValue<Fields<Schema>>;

/**
 * conform's `useForm` for a zod schema, as every admin form uses it: the schema's constraints
 * in the browser too, each field checked when left and again as it is corrected, and the same
 * plain words for empty fields (`error`) as the server's parse.
 */
export function useSchemaForm<Schema extends z.ZodType>(
  schema: Schema,
  options: {
    id: string;
    lastResult: SubmissionResult<string[]> | null | undefined;
    defaultValue?: FormDefaults<Schema>;
    error?: $ZodErrorMap;
  },
) {
  return useForm<Fields<Schema>, z.output<Schema>>({
    id: options.id,
    lastResult: options.lastResult,
    defaultValue: options.defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema, error: options.error }),
  });
}
