import { WEBHOOK_SIGNATURE_HEADER, webhookEventSchema } from "@clinic/domain";
import { z } from "zod";
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
} from "zod-openapi";
import { appRouter } from "../trpc/root.js";
import type { ProcedureMeta } from "../trpc/trpc.js";
import { problemSchema } from "./responses.js";
import { pathParams, type RestRoute, restRoutes } from "./routes.js";
import { shapeOf } from "./schema-walk.js";

// The OpenAPI 3.1 document of /api/v1 (decision 033), made with zod-openapi from the schemas the
// tRPC procedures validate their input with (read from the router itself) and the REST answers'
// schemas (responses.ts). Served at /api/v1/openapi.json and rendered at /api/docs.

export const API_VERSION = "1.0.0";

function procedureDef(path: string) {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { meta?: ProcedureMeta; inputs?: unknown[] } } | undefined
  >;
  const procedure = procedures[path];
  if (!procedure) throw new Error(`No procedure ${path}`);
  return procedure._def;
}

/** The zod schema a procedure validates its input with (none for procedures without input). */
export function procedureInput(path: string): z.ZodType | undefined {
  return procedureDef(path).inputs?.[0] as z.ZodType | undefined;
}

/** The procedure meta's permission, for saying which one a staff route needs. */
export function procedurePermission(path: string): string | null {
  const meta = procedureDef(path).meta;
  return meta && "permission" in meta ? meta.permission : null;
}

function problems(codes: number[]) {
  const said: Record<number, string> = {
    400: "Invalid input: `errors` names each field and what is wrong with it",
    401: "No API key, or a bad, expired or revoked one",
    403: "The key's role doesn't allow this",
    404: "Not found",
    409: "Conflicts with the clinic's records as they stand (a time just taken)",
    429: "Too many requests from this address",
  };
  return Object.fromEntries(
    codes.map((code) => [
      String(code),
      {
        description: said[code] ?? "Refused",
        content: { "application/problem+json": { schema: problemSchema } },
      },
    ]),
  );
}

function operation(route: RestRoute): ZodOpenApiOperationObject {
  const input = procedureInput(route.procedure);
  const shape = shapeOf(input);
  const params = pathParams(route.path);
  const staff = route.path.startsWith("/staff/");
  const permission = procedurePermission(route.procedure);
  const pathSchema = params.length
    ? z.object(Object.fromEntries(params.map((name) => [name, shape[name] ?? z.string()])))
    : undefined;
  const rest = Object.fromEntries(Object.entries(shape).filter(([key]) => !params.includes(key)));
  const body = params.length ? z.object(rest) : input;
  const success = route.list ? z.array(route.response) : route.response;
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: [
      route.description,
      `Calls the \`${route.procedure}\` procedure.`,
      permission ? `Needs an API key whose role holds \`${permission}\`.` : null,
    ]
      .filter(Boolean)
      .join(" "),
    tags: [route.tag],
    ...(staff ? { security: [{ apiKey: [] }] } : { security: [{}, { apiKey: [] }] }),
    requestParams: {
      ...(pathSchema ? { path: pathSchema } : {}),
      ...(route.input === "query" && input ? { query: input as z.ZodObject } : {}),
    },
    ...(route.input === "body" && body
      ? { requestBody: { required: true, content: { "application/json": { schema: body } } } }
      : {}),
    responses: {
      [String(route.status ?? 200)]: {
        description: "OK",
        content: { "application/json": { schema: success } },
      },
      ...problems([
        ...(route.input !== "none" || params.length ? [400] : []),
        401,
        ...(staff ? [403] : []),
        ...(params.length ? [404] : []),
        ...(route.method === "post" ? [409] : []),
        ...(route.procedure === "bookings.create" ? [429] : []),
      ]),
    },
  };
}

let cached: ReturnType<typeof createDocument> | undefined;

/** The document (built once: it depends on the code alone). */
export function openApiDocument() {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  for (const route of restRoutes) {
    paths[route.path] = { ...paths[route.path], [route.method]: operation(route) };
  }
  cached = createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Clinic API",
        version: API_VERSION,
        description:
          "The clinic platform's REST API: public booking (services, practitioners, free times, bookings by manage token) and the staff operations an integration needs. Staff routes take a staff API key, made by the owner in the admin app (API keys), as `Authorization: Bearer <key>`; the key's role decides what it may do, as for staff. Refusals are RFC 9457 problem objects (`application/problem+json`). Times are ISO 8601 instants; local dates are `yyyy-MM-dd` in the clinic's time zone.",
      },
      servers: [{ url: "/api/v1" }],
      components: {
        securitySchemes: {
          apiKey: {
            type: "http",
            scheme: "bearer",
            description: "A staff API key (`ck_…`), shown once when the owner makes it.",
          },
        },
      },
      paths,
      // What the clinic POSTs to a registered endpoint: the contract in @clinic/domain.
      webhooks: {
        clinicEvent: {
          post: {
            operationId: "receiveClinicEvent",
            summary: "An event the clinic sends to your endpoint",
            description: `One JSON event per delivery, signed: \`${WEBHOOK_SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">\` with the endpoint's secret (one v1 per live secret during a rotation). Verify it over the raw body, refuse a timestamp more than 5 minutes away, and de-duplicate on \`id\`: a retried delivery keeps its id. Answer 2xx once stored.`,
            tags: ["Webhooks"],
            requestParams: {
              header: z.object({
                [WEBHOOK_SIGNATURE_HEADER]: z.string().meta({ example: "t=1767225600,v1=5f2b…" }),
              }),
            },
            requestBody: {
              required: true,
              content: {
                "application/json": { schema: webhookEventSchema.meta({ id: "WebhookEvent" }) },
              },
            },
            responses: { "200": { description: "Received (any 2xx)" } },
          },
        },
      },
    },
    {
      override: ({ jsonSchema, zodSchema }) => {
        // Instants travel as ISO 8601 strings; the route turns them into Dates for the procedure.
        if (
          (zodSchema as unknown as { _zod: { def: { type: string } } })._zod.def.type === "date"
        ) {
          jsonSchema.type = "string";
          jsonSchema.format = "date-time";
        }
      },
    },
  );
  return cached;
}
