import { describe, expect, it } from "vitest";
import {
  endPatientCookie,
  patientSessionCookie,
  patientSessionOf,
  startPatientCookie,
} from "./patient-session.server";

const secret = "test-only-web-session-secret-0123456789";
const token = "Zq3xY8wK2mN5pR7tV9bC1dF4gH6jL0sA_-eU3iO8yT2";
const cookieHeader = (setCookie: string) => setCookie.split(";")[0]!;
const requestWith = (cookie: string | null) =>
  new Request("http://site.test/account", cookie ? { headers: { Cookie: cookie } } : {});

describe("the patient session cookie", () => {
  const production = patientSessionCookie({ secret, secure: true });

  it("is HttpOnly, Secure in production, SameSite=Lax, site-wide", async () => {
    const setCookie = await startPatientCookie(token, production);
    expect(setCookie).toMatch(/^__clinic_patient=/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).toMatch(/; Path=\//);
    const development = await startPatientCookie(
      token,
      patientSessionCookie({ secret, secure: false }),
    );
    expect(development).not.toMatch(/Secure/);
  });

  it("reads back the session token it was given, and only a signed one", async () => {
    const setCookie = await startPatientCookie(token, production);
    expect(await patientSessionOf(requestWith(cookieHeader(setCookie)), production)).toBe(token);
    // Signed with another secret, tampered with, or not a token at all: no session.
    const forged = await startPatientCookie(
      token,
      patientSessionCookie({ secret: `${secret}x`, secure: true }),
    );
    expect(await patientSessionOf(requestWith(cookieHeader(forged)), production)).toBeNull();
    const [name, value] = cookieHeader(setCookie).split("=");
    const tampered = `${name}=${value!.replace(/^./, (c) => (c === "e" ? "f" : "e"))}`;
    expect(await patientSessionOf(requestWith(tampered), production)).toBeNull();
    const junk = await startPatientCookie("not a token", production);
    expect(await patientSessionOf(requestWith(cookieHeader(junk)), production)).toBeNull();
    expect(await patientSessionOf(requestWith(null), production)).toBeNull();
  });

  it("holds the opaque token only: no patient id, no email", async () => {
    const setCookie = await startPatientCookie(token, production);
    const value = decodeURIComponent(cookieHeader(setCookie).split("=")[1]!);
    const payload = Buffer.from(value.split(".")[0]!, "base64").toString("utf8");
    expect(JSON.parse(payload)).toBe(token);
  });

  it("is forgotten at sign-out", async () => {
    const cleared = await endPatientCookie(production);
    expect(cleared).toMatch(/^__clinic_patient=;|Max-Age=0/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
  });
});
