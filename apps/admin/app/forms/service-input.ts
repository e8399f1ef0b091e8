import type { ServiceInput } from "@clinic/domain";
import { type ServiceForm, slugFor } from "./catalog-forms";

/** The API's service input from the form's values (price already in cents). */
export function serviceInputFrom(form: ServiceForm, active: boolean): ServiceInput {
  return {
    name: form.name,
    slug: slugFor(form),
    summary: form.summary,
    description: form.description,
    durationMinutes: form.durationMinutes,
    bufferBeforeMinutes: form.bufferBeforeMinutes,
    bufferAfterMinutes: form.bufferAfterMinutes,
    priceCents: form.price,
    patientType: form.patientType,
    sortOrder: form.sortOrder,
    active,
    practitionerIds: [...new Set(form.practitionerIds)],
  };
}
