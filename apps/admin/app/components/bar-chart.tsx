import { useId } from "react";
import { countAxis } from "../formatting/chart-scale";

export interface Bar {
  /** Short label under the bar, e.g. "6 Apr". */
  label: string;
  /** Full label for the table, e.g. "Week of Monday 6 April 2026". */
  description: string;
  value: number;
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 16, right: 8, bottom: 36, left: 36 };

/**
 * A plain SVG bar chart with its numbers as a table: the picture is one image with a
 * summary for screen readers, and the table (behind a disclosure) carries every value.
 */
export function BarChart({
  title,
  summary,
  bars,
  valueLabel,
}: {
  title: string;
  /** One sentence that says what the chart shows, e.g. the total and the busiest week. */
  summary: string;
  bars: readonly Bar[];
  valueLabel: string;
}) {
  const id = useId();
  const { max, ticks } = countAxis(Math.max(0, ...bars.map((b) => b.value)));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, bars.length);
  const barWidth = Math.min(36, slot * 0.7);
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight;

  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart__title">
        {title}
      </figcaption>
      <svg
        className="chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-summary`}
        preserveAspectRatio="xMidYMid meet"
      >
        <desc id={`${id}-summary`}>{summary}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(tick)}
              y2={y(tick)}
              className="chart__grid"
            />
            <text
              x={PAD.left - 6}
              y={y(tick)}
              className="chart__tick"
              textAnchor="end"
              dominantBaseline="middle"
            >
              {tick}
            </text>
          </g>
        ))}
        {bars.map((bar, i) => {
          const x = PAD.left + slot * i + (slot - barWidth) / 2;
          const top = y(bar.value);
          return (
            <g key={bar.description}>
              <rect
                x={x}
                y={top}
                width={barWidth}
                height={PAD.top + plotHeight - top}
                className="chart__bar"
                rx={3}
              />
              {bar.value > 0 ? (
                <text x={x + barWidth / 2} y={top - 4} className="chart__value" textAnchor="middle">
                  {bar.value}
                </text>
              ) : null}
              <text
                x={x + barWidth / 2}
                y={HEIGHT - PAD.bottom + 16}
                className="chart__label"
                textAnchor="middle"
              >
                {bar.label}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="chart__summary">{summary}</p>
      <details className="chart__table">
        <summary>Show the numbers as a table</summary>
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col" className="table__number">
                {valueLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.description}>
                <th scope="row">{bar.description}</th>
                <td className="table__number">{bar.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
