import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { type PostForm, postFormSchema } from "../forms/post-form";
import { FormErrors } from "./field-errors";
import { SelectField, TextAreaField, TextField } from "./form-controls";
import { SubmitButton } from "./submit-button";
import { useSchemaForm } from "./use-schema-form";

export type PostEditorResult = {
  intent: "preview";
  preview: string;
  reply?: SubmissionResult<string[]>;
};

const PREVIEW_DELAY_MS = 350;

/**
 * The post's content with a preview of its body as the public site will show it. Without
 * JavaScript the "Preview" button sends the form and the server renders it; with JavaScript the
 * preview follows the typing (the same server renderer, asked in the background).
 */
export function PostEditor({
  lastResult,
  defaultValue,
  authors,
  previewHtml,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue: Partial<Record<keyof PostForm, string>>;
  authors: { value: string; label: string }[];
  previewHtml: string;
  submitLabel: string;
}) {
  const previewer = useFetcher<PostEditorResult>({ key: "post-preview" });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [form, fields] = useSchemaForm(postFormSchema, {
    id: "post",
    lastResult,
    defaultValue,
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  function schedulePreview(body: string) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      previewer.submit({ intent: "preview", body }, { method: "post" });
    }, PREVIEW_DELAY_MS);
  }

  const shown = previewer.data?.preview ?? previewHtml;
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="form-grid">
        <TextField meta={fields.title} label="Title" />
        <TextField
          meta={fields.slug}
          label="Web address (slug)"
          hint="Left empty, it is made from the title."
        />
        <SelectField meta={fields.authorId} label="Author" options={authors} />
        <TextField
          meta={fields.tags}
          label="Tags"
          hint="Separated by commas, e.g. running, rehab"
        />
      </div>
      <TextAreaField
        meta={fields.excerpt}
        label="Excerpt"
        hint="Shown in post listings."
        rows={2}
      />
      <div className="editor">
        <TextAreaField
          meta={fields.body}
          label="Body"
          hint={
            <>
              Markdown. Embed a video with a line such as{" "}
              <code>
                ::youtube{"{"}id="S7L5pmw8Is4" title="…"{"}"}
              </code>
            </>
          }
          rows={22}
          className="code"
          onInput={(event) => schedulePreview(event.currentTarget.value)}
        />
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          {shown ? (
            // Rendered by the server's sanitising markdown renderer (markdown.server.ts).
            <div className="preview" dangerouslySetInnerHTML={{ __html: shown }} />
          ) : (
            <p className="preview muted">Write something in the body to see it here.</p>
          )}
        </section>
      </div>
      <div className="button-row">
        <SubmitButton intent="save" className="button button--primary">
          {submitLabel}
        </SubmitButton>
        <button
          type="submit"
          name="intent"
          value="preview"
          className="button button--quiet"
          formNoValidate
        >
          Preview
        </button>
      </div>
    </Form>
  );
}
