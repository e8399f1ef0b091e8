import { describe, expect, it } from "vitest";
import { blockedMinutes, type ServiceInput, serviceInputSchema } from "./service.js";

const service = (overrides: Partial<ServiceInput> = {}): ServiceInput => ({
  slug: "initial-assessment",
  name: "Initial assessment",
  summary: "A full assessment and first treatment.",
  description: "",
  durationMinutes: 45,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 15,
  priceCents: 9500,
  patientType: "new",
  active: true,
  sortOrder: 0,
  practitionerIds: [],
  ...overrides,
});

describe("blockedMinutes", () => {
  it("adds both buffers to the duration", () => {
    expect(blockedMinutes(service())).toBe(60);
    expect(blockedMinutes(service({ bufferBeforeMinutes: 10 }))).toBe(70);
  });
});

describe("serviceInputSchema", () => {
  it("accepts a valid service", () => {
    expect(serviceInputSchema.safeParse(service()).success).toBe(true);
  });

  it("explains bad durations and buffers in minutes", () => {
    const messages = (overrides: Partial<ServiceInput>) =>
      serviceInputSchema.safeParse(service(overrides)).error?.issues.map((i) => i.message);
    expect(messages({ durationMinutes: 4 })).toEqual(["Duration must be at least 5 minutes"]);
    expect(messages({ durationMinutes: 481 })).toEqual(["Duration must be at most 480 minutes"]);
    expect(messages({ durationMinutes: 30.5 })).toEqual(["Duration must be whole minutes"]);
    expect(messages({ bufferAfterMinutes: -5 })).toEqual(["Buffer after can't be negative"]);
  });

  it("takes prices in whole cents", () => {
    expect(serviceInputSchema.safeParse(service({ priceCents: 95.5 })).success).toBe(false);
  });
});
