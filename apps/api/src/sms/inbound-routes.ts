import { type Database, getSmsSettings, optInSmsNumber, optOutSmsNumber } from "@clinic/db";
import { normaliseMobileNumber } from "@clinic/domain/phone-number";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { tooLarge } from "../body-limit.js";
import type { Logger } from "../logger.js";
import { verifyProviderSignature } from "./provider-signature.js";
import type { SmsSetup } from "./sms-config.js";

/** The path the provider posts texts patients send back (set it as the number's webhook). */
export const SMS_INBOUND_PATH = "/sms/inbound";

// The words carriers and Twilio treat as opting out and back in.
const STOP_WORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT"]);
const START_WORDS = new Set(["START", "UNSTOP", "YES", "OPTIN"]);

/** What a reply asks for: its first word, as carriers read it ("stop please" stops). */
export function replyIntent(body: string): "stop" | "start" | null {
  const word =
    body
      .trim()
      .split(/\s+/)[0]
      ?.toUpperCase()
      .replace(/[^A-Z]/g, "") ?? "";
  if (STOP_WORDS.has(word)) return "stop";
  if (START_WORDS.has(word)) return "start";
  return null;
}

// An empty TwiML answer: the provider sends no reply of ours (its own STOP notice goes).
const EMPTY_ANSWER = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * `POST /sms/inbound`: a patient's reply, form-encoded as the provider posts it, signed with
 * `X-Twilio-Signature` (403 without a valid one). STOP opts every patient texted at that
 * number out and drops their queued texts; START opts them back in. 404 while texts are off.
 */
export function smsInboundRoutes(deps: {
  db: Database;
  now: () => Date;
  logger: Logger;
  sms: SmsSetup | null;
}) {
  const { sms } = deps;
  return new Hono().post(
    SMS_INBOUND_PATH,
    bodyLimit({ maxSize: 64 * 1024, onError: tooLarge }),
    async (c) => {
      if (!sms) return c.json({ error: { message: "Not found" } }, 404);
      const form = await c.req.parseBody().catch(() => null);
      if (!form) return c.json({ error: { message: "Expected a form-encoded body" } }, 400);
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(form)) {
        if (typeof value === "string") params[name] = value;
      }
      const url = sms.webhookUrl ?? c.req.url;
      if (
        !verifyProviderSignature(c.req.header("x-twilio-signature"), url, params, sms.authToken)
      ) {
        deps.logger.warn("sms reply refused: bad signature", { path: SMS_INBOUND_PATH });
        return c.json({ error: { message: "Invalid signature" } }, 403);
      }
      const intent = replyIntent(params.Body ?? "");
      if (intent) {
        const { defaultCountry } = await getSmsSettings(deps.db);
        const from = normaliseMobileNumber(params.From ?? "", defaultCountry);
        // The number and the text are never logged: what was asked, and how many it concerned.
        if (from) {
          const now = deps.now();
          const patients = await deps.db.transaction((tx) =>
            intent === "stop" ? optOutSmsNumber(tx, from, now) : optInSmsNumber(tx, from, now),
          );
          deps.logger.info(intent === "stop" ? "sms opt-out" : "sms opt-in", { patients });
        }
      }
      return c.body(EMPTY_ANSWER, 200, { "Content-Type": "text/xml; charset=utf-8" });
    },
  );
}
