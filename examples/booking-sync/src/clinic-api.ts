import createClient from "openapi-fetch";
import type { components, paths } from "./generated/clinic-api.js";

// The clinic's REST API through a client generated from its OpenAPI document alone
// (openapi-typescript for the types, openapi-fetch for the calls): nothing here imports the
// clinic's code.

export type Service = components["schemas"]["Service"];
export type Availability = components["schemas"]["Availability"];
export type StaffBooking = components["schemas"]["StaffBookingDetail"];
export type Problem = components["schemas"]["Problem"];

/** A refusal of the API, with its RFC 9457 problem (status, detail, and the fields at fault). */
export class ClinicApiError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.title}: ${problem.detail}`);
    this.name = "ClinicApiError";
  }
}

function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined) return result.data;
  const problem = result.error as Problem | undefined;
  throw new ClinicApiError(
    problem?.status
      ? problem
      : {
          type: "about:blank",
          title: "Unexpected answer",
          status: result.response.status,
          detail: "",
        },
  );
}

export interface ClinicApiOptions {
  /** The API's address, e.g. `https://api.westsidesportschiro.example`. */
  apiUrl: string;
  /** A staff API key made by the clinic's owner (admin app › API keys). */
  apiKey: string;
  fetch?: typeof fetch;
}

export function clinicApi(options: ClinicApiOptions) {
  const client = createClient<paths>({
    baseUrl: `${options.apiUrl.replace(/\/$/, "")}/api/v1`,
    headers: { Authorization: `Bearer ${options.apiKey}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  return {
    /** The services the clinic offers online, with who offers each. */
    async services(): Promise<Service[]> {
      return unwrap(await client.GET("/services"));
    },

    /** The first free time for a service between two local dates, or null. */
    async firstFreeSlot(input: {
      serviceId: string;
      practitionerId?: string;
      from: string;
      to: string;
    }): Promise<{ start: string; practitionerId: string } | null> {
      const availability = unwrap(
        await client.GET("/staff/availability", {
          params: {
            query: {
              serviceId: input.serviceId,
              practitionerId: input.practitionerId ?? "any",
              from: input.from,
              to: input.to,
            },
          },
        }),
      );
      for (const day of availability.days) {
        const slot = day.slots[0];
        if (slot?.practitionerIds[0]) {
          return { start: slot.start, practitionerId: slot.practitionerIds[0] };
        }
      }
      return null;
    },

    /** Books a patient in (as the front desk would); the same `idempotencyKey` never books twice. */
    async book(input: {
      serviceId: string;
      practitionerId: string;
      start: string;
      patient: { name: string; email?: string; phone?: string };
      notes?: string;
      idempotencyKey: string;
    }): Promise<StaffBooking> {
      return unwrap(await client.POST("/staff/bookings", { body: input }));
    },

    async booking(id: string): Promise<StaffBooking> {
      return unwrap(await client.GET("/staff/bookings/{id}", { params: { path: { id } } }));
    },

    /** Cancels a booking; the clinic emails the patient the reason. */
    async cancel(id: string, reason: string): Promise<StaffBooking> {
      return unwrap(
        await client.POST("/staff/bookings/{id}/cancel", {
          params: { path: { id } },
          body: { reason },
        }),
      );
    },
  };
}

export type ClinicApi = ReturnType<typeof clinicApi>;
