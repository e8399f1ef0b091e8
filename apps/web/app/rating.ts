/** A sentence for screen readers and captions: "Rated 4.8 out of 5 from 12 reviews". */
export function ratingSummaryLabel(average: number | null, count: number): string {
  if (average === null || count === 0) return "No reviews yet";
  return `Rated ${formatAverage(average)} out of 5 from ${count} ${count === 1 ? "review" : "reviews"}`;
}

/** One decimal, always: "4.0", "4.8". */
export function formatAverage(average: number): string {
  return average.toFixed(1);
}

/** How much of the five-star bar to fill, as a percentage from 0 to 100. */
export function starFillPercent(rating: number): number {
  const clamped = Math.min(5, Math.max(0, rating));
  return Math.round((clamped / 5) * 1000) / 10;
}
