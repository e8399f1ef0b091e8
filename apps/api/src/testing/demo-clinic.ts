import { type FormKind, issueFormToken } from "../abuse/form-tokens.js";
import { DEV_APP_SECRET } from "../app.js";
import { signedInStaff } from "./staff.js";
import { TEST_START, type TestApp } from "./test-app.js";

/**
 * The demo clinic's ids most booking tests work with: the follow-up
 * adjustment (offered by both practitioners) and Jason and Joey Lee.
 */
export async function demoClinic(t: TestApp) {
  const services = await t.client().services.list.query();
  const service = (slug: string) => {
    const found = services.find((s) => s.slug === slug);
    if (!found) throw new Error(`The demo clinic has no service ${slug}`);
    return found;
  };
  const followUp = service("follow-up-adjustment");
  const practitionerId = (slug: string) => {
    const found = followUp.practitioners.find((p) => p.slug === slug);
    if (!found) throw new Error(`${slug} doesn't offer the follow-up adjustment`);
    return found.id;
  };
  return {
    serviceId: followUp.id,
    jasonId: practitionerId("jason-lee"),
    joeyId: practitionerId("joey-lee"),
    /** Any demo service's id by slug. */
    serviceIdOf: (slug: string) => service(slug).id,
  };
}

/** Signed-in staff of every role: an owner, a front desk, and Jason and Joey as practitioners. */
export async function demoStaff(t: TestApp, clinic: { jasonId: string; joeyId: string }) {
  return {
    owner: await signedInStaff(t, "owner"),
    frontDesk: await signedInStaff(t, "front_desk"),
    jason: await signedInStaff(t, "practitioner", { practitionerId: clinic.jasonId }),
    joey: await signedInStaff(t, "practitioner", { practitionerId: clinic.joeyId }),
  };
}

/** A public form's render time ten seconds before the test clock starts: long enough for a person. */
export const FILLED_IN_AT = TEST_START.getTime() - 10_000;

/** The token a public form was shown with at `at` (default FILLED_IN_AT), as `forms.token` issues it. */
export function filledInFormToken(form: FormKind, at: number = FILLED_IN_AT): string {
  return issueFormToken(DEV_APP_SECRET, form, new Date(at));
}
