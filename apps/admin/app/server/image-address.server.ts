import { env } from "./env.server";

/**
 * Where the browser can load an image the platform stores: uploads (`/uploads/…`) are served
 * by the API, other addresses are already absolute.
 */
export function imageSrc(url: string | null): string | null {
  if (url === null || url === "") return null;
  return url.startsWith("/uploads/") ? `${env.apiUrl}${url}` : url;
}
