import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "../root";

export type Clinic = NonNullable<ReturnType<typeof useOptionalClinic>>;

/** The clinic's public details, or undefined when the root loader failed (error pages). */
export function useOptionalClinic() {
  return useRouteLoaderData<typeof rootLoader>("root")?.clinic;
}

/** The clinic's public details; for pages that render only after the root loader succeeded. */
export function useClinic() {
  const clinic = useOptionalClinic();
  if (!clinic) throw new Error("useClinic needs the root loader's data");
  return clinic;
}
