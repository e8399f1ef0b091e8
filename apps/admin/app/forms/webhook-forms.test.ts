import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { webhookEndpointFormSchema } from "./webhook-forms";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return parseWithZod(data, { schema: webhookEndpointFormSchema });
}

describe("the webhook endpoint form", () => {
  it("reads ticked events and the enabled box", () => {
    const parsed = form([
      ["url", "https://hooks.example.com/clinic"],
      ["events", "booking.created"],
      ["events", "review.submitted"],
      ["enabled", "on"],
    ]);
    expect(parsed.status).toBe("success");
    expect(parsed.status === "success" && parsed.value).toEqual({
      url: "https://hooks.example.com/clinic",
      description: "",
      events: ["booking.created", "review.submitted"],
      enabled: true,
    });
  });

  it("names the URL and the events when they are wrong, and pauses an unticked endpoint", () => {
    const parsed = form([["url", "hooks example"]]);
    expect(parsed.status).toBe("error");
    const reply = parsed.reply();
    expect(Object.keys(reply.error ?? {}).sort()).toEqual(["events", "url"]);
    const paused = form([
      ["url", "https://hooks.example.com/"],
      ["events", "booking.cancelled"],
    ]);
    expect(paused.status === "success" && paused.value.enabled).toBe(false);
  });
});
