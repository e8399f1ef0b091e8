/**
 * The top of a count axis and its gridlines: a round number at or above the largest value
 * (1, 2, 5 × 10ⁿ steps), so the chart's lines read as whole counts.
 */
export function countAxis(maxValue: number, targetTicks = 4): { max: number; ticks: number[] } {
  if (!Number.isFinite(maxValue) || maxValue <= 0) return { max: 1, ticks: [0, 1] };
  const rough = maxValue / targetTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const wholeStep = Math.max(1, Math.round(step));
  const max = Math.ceil(maxValue / wholeStep) * wholeStep;
  const ticks: number[] = [];
  for (let tick = 0; tick <= max; tick += wholeStep) ticks.push(tick);
  return { max, ticks };
}
