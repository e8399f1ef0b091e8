import { describe, expect, it } from "vitest";
import { providerSignature, verifyProviderSignature } from "./provider-signature.js";

// The example of Twilio's documentation on validating requests: the signature it gives.
const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
const params = {
  CallSid: "CA1234567890ABCDE",
  Caller: "+14158675310",
  Digits: "1234",
  From: "+14158675310",
  To: "+18005551212",
};

describe("provider signature (X-Twilio-Signature)", () => {
  it("matches Twilio's documented example", () => {
    expect(providerSignature(url, params, "12345")).toBe("GvWf1cFY/Q7PnoempGyD5oXAezc=");
  });

  it("sorts parameters by name whatever their order", () => {
    const reversed = Object.fromEntries(Object.entries(params).reverse());
    expect(providerSignature(url, reversed, "12345")).toBe("GvWf1cFY/Q7PnoempGyD5oXAezc=");
  });

  it("refuses a missing or wrong signature, another URL, a changed parameter or token", () => {
    const good = "GvWf1cFY/Q7PnoempGyD5oXAezc=";
    expect(verifyProviderSignature(good, url, params, "12345")).toBe(true);
    expect(verifyProviderSignature(undefined, url, params, "12345")).toBe(false);
    expect(verifyProviderSignature("short", url, params, "12345")).toBe(false);
    expect(verifyProviderSignature(good, `${url}&baz=3`, params, "12345")).toBe(false);
    expect(verifyProviderSignature(good, url, { ...params, Digits: "1235" }, "12345")).toBe(false);
    expect(verifyProviderSignature(good, url, params, "54321")).toBe(false);
  });
});
