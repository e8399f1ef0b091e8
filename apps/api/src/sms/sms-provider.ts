/** One text to send: `to` is an E.164 number; `id` is the outbox row's, for the provider's logs. */
export interface SmsMessage {
  id: string;
  to: string;
  body: string;
}

/** Sends texts. One real implementation (an HTTP API in Twilio's style); tests run a local one. */
export interface SmsProvider {
  /** Resolves when the provider has accepted the text; throws an `SmsSendError` otherwise. */
  send(message: SmsMessage): Promise<{ providerId: string | null }>;
  /** The number (or sender id) texts come from, for the settings page. */
  readonly from: string;
}

/**
 * A refused or failed send. Its message says what went wrong in the provider's terms (the
 * HTTP status and error code) and never the number or the text: it is logged and stored
 * as the outbox row's last error.
 */
export class SmsSendError extends Error {
  override name = "SmsSendError";
}

export interface HttpSmsProviderConfig {
  /** The API's base address, e.g. https://api.twilio.com (SMS_PROVIDER_URL). */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
  /** A send that takes longer is abandoned (and retried); well inside the outbox's lease. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The address texts are posted to: `{base}/2010-04-01/Accounts/{sid}/Messages.json`. */
export function messagesUrl(baseUrl: string, accountSid: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;
}

/**
 * An SMS provider with Twilio's Messages API: a form-encoded POST of `To`, `From` and `Body`
 * with HTTP basic auth (account SID and auth token); 2xx with the message's `sid` is
 * accepted, anything else is an `SmsSendError` naming the status and the provider's code.
 */
export function httpSmsProvider(config: HttpSmsProviderConfig): SmsProvider {
  const url = messagesUrl(config.baseUrl, config.accountSid);
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`;
  const doFetch = config.fetch ?? fetch;
  const timeoutMs = config.timeoutMs ?? 30_000;
  return {
    from: config.from,
    async send(message) {
      let response: Response;
      try {
        response = await doFetch(url, {
          method: "POST",
          headers: {
            authorization,
            "content-type": "application/x-www-form-urlencoded",
            accept: "application/json",
          },
          body: new URLSearchParams({ To: message.to, From: config.from, Body: message.body }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        // The cause's code (ECONNREFUSED, a timeout): never the request, which holds the number.
        const cause = (error as { cause?: { code?: unknown } }).cause;
        const code =
          error instanceof Error && error.name === "TimeoutError"
            ? "timed out"
            : typeof cause?.code === "string"
              ? cause.code
              : "no answer";
        throw new SmsSendError(`SMS provider unreachable (${code})`);
      }
      const answer = (await response.json().catch(() => null)) as {
        sid?: unknown;
        code?: unknown;
      } | null;
      if (!response.ok) {
        const code =
          typeof answer?.code === "number" || typeof answer?.code === "string"
            ? `, error ${String(answer.code).slice(0, 20)}`
            : "";
        throw new SmsSendError(`SMS provider refused the text (HTTP ${response.status}${code})`);
      }
      return { providerId: typeof answer?.sid === "string" ? answer.sid.slice(0, 100) : null };
    },
  };
}
