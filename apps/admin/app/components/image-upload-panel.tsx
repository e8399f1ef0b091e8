import { Form } from "@remix-run/react";
import type { ImageFormErrors } from "../server/photo-upload.server";
import { FieldErrors, FormErrors } from "./field-errors";
import { SubmitButton } from "./submit-button";

/** An image as the admin previews it: its largest file, the WebP sizes, and its alt text. */
export interface ImagePreview {
  src: string;
  srcSet?: string;
  width: number;
  height: number;
  alt: string;
}

/**
 * The upload form of one image (a practitioner's photo, a post's cover): the current image,
 * a file and its alt text (both required; each refusal under its field, the alt text kept),
 * and a button to remove it. The file goes through the API's image pipeline (decision 021).
 */
export function ImageUploadPanel(props: {
  /** Ids and names on the page: `photo` or `cover`. */
  name: "photo" | "cover";
  heading: string;
  current: ImagePreview | null;
  emptyText: string;
  previewClassName: string;
  previewSizes: string;
  /** The alt text offered when the form is first shown. */
  altDefault: string;
  altHint: string;
  /** The file field's label ("New photo"); the button says `uploadLabel`. */
  fileLabel: string;
  uploadLabel: string;
  /** The button's words when an image is there ("Save photo"). */
  saveLabel: string;
  removeLabel: string;
  removeIntent: string;
  /** Whether there is an image to remove (an older address may have no preview). */
  removable: boolean;
  /** Whether an uploaded image is there: the form may then change only its alt text. */
  describable: boolean;
  errors: ImageFormErrors | undefined;
  /** What was typed as alt text before a refusal. */
  altTyped: string | undefined;
  error: string | undefined;
}) {
  const { name, errors } = props;
  const fileId = `${name}-file`;
  const altId = `${name}-alt`;
  return (
    <section className="panel" aria-labelledby={`${name}-heading`}>
      <h2 id={`${name}-heading`}>{props.heading}</h2>
      {props.current ? (
        <img
          className={props.previewClassName}
          src={props.current.src}
          srcSet={props.current.srcSet}
          sizes={props.previewSizes}
          alt={props.current.alt}
          width={props.current.width}
          height={props.current.height}
        />
      ) : (
        <p className="muted">{props.emptyText}</p>
      )}
      <FormErrors errors={[...(errors?.form ?? []), ...(props.error ? [props.error] : [])]} />
      <Form method="post" encType="multipart/form-data" className="form">
        <div className="field">
          <label htmlFor={fileId}>{props.fileLabel}</label>
          <p id={`${fileId}-hint`} className="field__hint">
            JPEG, PNG or WebP, at most 8 MB. It is resized for phones and screens.
            {props.describable ? " Leave it empty to change only the description." : ""}
          </p>
          <input
            id={fileId}
            name="photo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            required={!props.describable}
            aria-invalid={errors?.photo ? true : undefined}
            aria-describedby={`${fileId}-hint ${fileId}-error`}
          />
          <FieldErrors id={`${fileId}-error`} errors={errors?.photo} />
        </div>
        <div className="field">
          <label htmlFor={altId}>Description (alt text)</label>
          <p id={`${altId}-hint`} className="field__hint">
            {props.altHint}
          </p>
          <input
            id={altId}
            name="alt"
            type="text"
            required
            maxLength={300}
            defaultValue={props.altTyped ?? props.altDefault}
            aria-invalid={errors?.alt ? true : undefined}
            aria-describedby={`${altId}-hint ${altId}-error`}
          />
          <FieldErrors id={`${altId}-error`} errors={errors?.alt} />
        </div>
        <div className="button-row">
          <SubmitButton className="button button--primary">
            {props.describable ? props.saveLabel : props.uploadLabel}
          </SubmitButton>
        </div>
      </Form>
      {props.removable ? (
        <Form method="post" className="button-row" style={{ marginTop: "0.75rem" }}>
          <SubmitButton intent={props.removeIntent} className="button button--quiet">
            {props.removeLabel}
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
