import { describe, expect, it } from "vitest";
import { httpSmsProvider, messagesUrl, SmsSendError } from "./sms-provider.js";

const config = {
  baseUrl: "https://sms.example/",
  accountSid: "AC123",
  authToken: "token-0123456789abcdef",
  from: "+61480000000",
};

describe("httpSmsProvider", () => {
  it("posts to the account's Messages.json", () => {
    expect(messagesUrl("https://api.twilio.com/", "AC123")).toBe(
      "https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json",
    );
  });

  it("names the status and the provider's code when refused, never the number or the text", async () => {
    const provider = httpSmsProvider({
      ...config,
      fetch: async () =>
        Response.json(
          { code: 21211, message: "The 'To' number +61400123456 is not a valid phone number." },
          { status: 400 },
        ),
    });
    const error = await provider
      .send({ id: "1", to: "+61400123456", body: "See you Tue 9 Feb" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsSendError);
    expect((error as Error).message).toBe("SMS provider refused the text (HTTP 400, error 21211)");
  });

  it("says an unreachable provider by its error code", async () => {
    const provider = httpSmsProvider({
      ...config,
      fetch: async () => {
        throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
      },
    });
    await expect(provider.send({ id: "1", to: "+61400123456", body: "x" })).rejects.toThrow(
      "SMS provider unreachable (ECONNREFUSED)",
    );
  });

  it("returns the provider's id for an accepted text", async () => {
    const provider = httpSmsProvider({
      ...config,
      fetch: async () => Response.json({ sid: "SMabc", status: "queued" }, { status: 201 }),
    });
    expect(await provider.send({ id: "1", to: "+61400123456", body: "x" })).toEqual({
      providerId: "SMabc",
    });
  });
});
