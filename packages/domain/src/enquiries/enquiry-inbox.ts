import { z } from "zod";
import { multiLineText, singleLineText } from "../common/storable-text.js";

export const enquiryNoteBodySchema = multiLineText()
  .trim()
  .min(1, "Write a note first")
  .max(5000, "Notes must be at most 5000 characters");

export const enquiryReplySchema = z.object({
  /** Defaults to "Re: your enquiry to <clinic>". */
  subject: singleLineText()
    .trim()
    .max(200, "Subjects must be at most 200 characters")
    // A subject is one header line: no line breaks (header injection).
    .regex(/^[^\r\n]*$/, "Subjects must be one line")
    .optional(),
  body: multiLineText()
    .trim()
    .min(1, "Write a reply first")
    .max(10_000, "Replies must be at most 10,000 characters"),
});
export type EnquiryReply = z.infer<typeof enquiryReplySchema>;
