const PATIENT_TYPE_LABELS = {
  new: "New patients",
  returning: "Returning patients",
  any: "All patients",
} as const;

/** Who may book a service, in words. */
export function patientTypeLabel(patientType: keyof typeof PATIENT_TYPE_LABELS): string {
  return PATIENT_TYPE_LABELS[patientType];
}
