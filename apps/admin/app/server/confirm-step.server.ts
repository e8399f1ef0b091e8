/** The confirmation step a page is showing (`?confirm=delete`), if it is one the page offers. */
export function confirmStep<const Step extends string>(
  request: Request,
  steps: readonly Step[],
): Step | null {
  const asked = new URL(request.url).searchParams.get("confirm");
  return steps.find((step) => step === asked) ?? null;
}
