import { z } from "zod";

/**
 * Free text people type is stored in PostgreSQL `text` columns and shown to
 * other people. Some characters can be neither: PostgreSQL refuses U+0000
 * (NUL) outright, a lone UTF-16 surrogate can't be encoded as UTF-8 (it would
 * be silently replaced on the way to the database), and the other C0 control
 * characters (and DEL) are invisible to a reader and only ever arrive from
 * scripts or broken copy-paste. Refusing them at the schema gives the sender
 * a message on the right field instead of a database error.
 */

/** Whitespace controls that belong in multi-line text (textareas). */
const MULTILINE_WHITESPACE = new Set(["\t", "\n", "\r"]);

function codePointLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Why `text` can't be stored as free text, as a message for the person who
 * typed it, or null when it can. Multi-line text may hold tabs, line feeds
 * and carriage returns; single-line text holds no control character at all.
 */
export function unstorableTextProblem(
  text: string,
  options: { multiline: boolean },
): string | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++; // a well-formed pair (an emoji, say)
        continue;
      }
      return `Contains a broken character (a lone surrogate, ${codePointLabel(code)}); please retype it`;
    }
    if (code >= 0xdc00 && code <= 0xdfff) {
      return `Contains a broken character (a lone surrogate, ${codePointLabel(code)}); please retype it`;
    }
    if (code === 0) return "Contains a NUL character (U+0000), which can't be stored; remove it";
    if (code < 0x20 || code === 0x7f) {
      const char = text[i]!;
      if (options.multiline && MULTILINE_WHITESPACE.has(char)) continue;
      if (char === "\n" || char === "\r") return "Keep this on one line";
      return `Contains an invisible control character (${codePointLabel(code)}); remove it`;
    }
  }
  return null;
}

function storableText(multiline: boolean) {
  // `abort` stops the length checks that follow: one mistake, one message.
  return z.string().refine((text) => unstorableTextProblem(text, { multiline }) === null, {
    error: (issue) => unstorableTextProblem(String(issue.input), { multiline }) ?? "Invalid text",
    abort: true,
  });
}

/**
 * A string schema for one line of free text (names, titles, subjects): no
 * NUL, no control characters (line breaks included), no lone surrogates.
 * Chain `.trim()`, `.min()`, `.max()` on it as on `z.string()`.
 */
export function singleLineText() {
  return storableText(false);
}

/**
 * A string schema for multi-line free text (messages, notes, post bodies):
 * like `singleLineText` but tabs, line feeds and carriage returns are kept.
 */
export function multiLineText() {
  return storableText(true);
}
