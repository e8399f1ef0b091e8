import { afterEach, describe, expect, it, vi } from "vitest";
import { ADMIN_ORIGIN, fakeApi, sessionCookie, staffUser } from "../testing/remix-app";
import { action } from "./_staff.bookings.export";

afterEach(() => {
  vi.unstubAllGlobals();
});

const JASON = "3f1c2a9e-8b7d-4c6e-9a5f-1b2c3d4e5f60";
const CSV = "\uFEFFDate,Start\r\n2027-06-08,09:00\r\n";

/** Posts the list's export form as `role`, answering the API from a fake; returns what was sent. */
async function postExport(body: string, role: "owner" | "front_desk" | "practitioner" = "owner") {
  const api = fakeApi({
    "auth.me": () => staffUser({ role }),
    "settings.get": () => ({ timeZone: "Australia/Sydney" }),
    "bookings.exportCsv": () => ({ fileName: "bookings-2026-12-01.csv", csv: CSV, rowCount: 1 }),
  });
  const sent: string[] = [];
  vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).includes("bookings.exportCsv")) sent.push(String(init?.body ?? ""));
    return api.fetch(input, init);
  });
  const request = new Request(`${ADMIN_ORIGIN}/bookings/export`, {
    method: "POST",
    headers: {
      Cookie: await sessionCookie(),
      Origin: ADMIN_ORIGIN,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body,
  });
  const outcome = await action({ request, params: {}, context: {} }).catch((e: unknown) => e);
  return { outcome: outcome as Response, calls: api.calls, sent };
}

describe("the bookings list's CSV download", () => {
  it("sends the list's filters to the API and answers with the file as an attachment", async () => {
    const { outcome, sent } = await postExport(
      `from=2027-06-07&to=2027-06-13&practitioner=${JASON}&status=confirmed&q=mia`,
    );
    expect(outcome.status).toBe(200);
    expect(outcome.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(outcome.headers.get("Content-Disposition")).toBe(
      'attachment; filename="bookings-2026-12-01.csv"',
    );
    expect(outcome.headers.get("Cache-Control")).toBe("no-store");
    // Byte for byte, the byte-order mark included (text() would drop it).
    const bytes = Buffer.from(await outcome.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toBe(CSV);
    // One batched call; filters left empty travel as nothing (superjson's undefined).
    const { json } = JSON.parse(sent[0]!)["0"] as { json: Record<string, unknown> };
    expect(Object.fromEntries(Object.entries(json).filter(([, v]) => v !== null))).toEqual({
      from: "2027-06-07",
      to: "2027-06-13",
      practitionerId: JASON,
      status: "confirmed",
      query: "mia",
    });
  });

  it("sends filters the list would refuse back to it, asking the API for nothing", async () => {
    const { outcome, calls } = await postExport("from=2027-06-13&to=2027-06-07");
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get("Location")).toBe("/bookings?from=2027-06-13&to=2027-06-07");
    expect(calls).not.toContain("bookings.exportCsv");
  });

  it("is refused to practitioners before the API is asked", async () => {
    const { outcome, calls } = await postExport("from=2027-06-07&to=2027-06-13", "practitioner");
    expect(outcome.status).toBe(403);
    expect(calls).not.toContain("bookings.exportCsv");
  });
});
