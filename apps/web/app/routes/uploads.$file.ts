import { storedImageResponse } from "@clinic/api-client/stored-images";
import { requestIdHeaders } from "@clinic/logger";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "../server/env.server";

/** Uploaded photos and covers, on the site's own origin (decision 021). */
export function loader({ params, request }: LoaderFunctionArgs) {
  return storedImageResponse(env.API_URL, params.file ?? "", {
    headers: requestIdHeaders(),
    signal: request.signal,
  });
}
