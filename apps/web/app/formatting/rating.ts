/** A sentence for screen readers and captions: "Rated 4.8 out of 5 from 12 reviews". */
export function ratingSummaryLabel(average: number | null, count: number): string {
  if (average === null || count === 0) return "No reviews yet";
  return `Rated ${formatAverage(average)} out of 5 from ${count} ${count === 1 ? "review" : "reviews"}`;
}

/** One decimal, always: "4.0", "4.8". */
export function formatAverage(average: number): string {
  return average.toFixed(1);
}

/**
 * How many half stars to fill, 0 to 10: the rating to the nearest half star, clamped.
 * Steps rather than an exact width, so CSS classes can draw it and the page needs no
 * inline styles (the Content-Security-Policy allows none); the label carries the exact value.
 */
export function starFillHalves(rating: number): number {
  const clamped = Math.min(5, Math.max(0, rating));
  return Math.round(clamped * 2);
}
