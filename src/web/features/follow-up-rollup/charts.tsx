import { useId } from 'react';

/**
 * Small charts drawn as inline SVG, for people who would rather look than read. Each is an image with a
 * name (`title`) and a sentence saying where the same figures are as text (`alt`): the screens always show
 * the table beside the chart, so a screen reader user or an axe scan loses nothing. Colours keep 3:1
 * against the page, and no chart tells anything by colour alone: a legend names each colour, and each bar
 * has its figure written next to it.
 */

const rowHeight = 26;
const labelWidth = 300;
const width = 820;
const valueWidth = 110;
const short = (text: string, max = 36) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export type Bar = { label: string; value: number | null; text: string; mark?: string };

/** Horizontal bars from 0 to `max`, each with its label and its figure; `lines` draws dashed reference lines. */
export function BarChart({
  title,
  alt,
  bars,
  max,
  lines = [],
}: {
  title: string;
  alt: string;
  bars: readonly Bar[];
  max: number;
  lines?: readonly { value: number; label: string }[];
}) {
  const titleId = useId();
  const descId = useId();
  const area = width - labelWidth - valueWidth;
  const scale = (v: number) => (max > 0 ? (Math.max(0, Math.min(v, max)) / max) * area : 0);
  const top = lines.length > 0 ? 18 : 4;
  const height = top + bars.length * rowHeight + 4;
  return (
    <figure className="rollup-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{alt}</desc>
        {bars.map((bar, i) => {
          const y = top + i * rowHeight;
          return (
            <g key={bar.label}>
              <text x={labelWidth - 8} y={y + 17} textAnchor="end" className="rollup-chart-label">
                {short(bar.label)}
              </text>
              <rect
                x={labelWidth}
                y={y + 4}
                width={area}
                height={rowHeight - 8}
                className="rollup-chart-track"
              />
              {bar.value !== null && (
                <rect
                  x={labelWidth}
                  y={y + 4}
                  width={scale(bar.value)}
                  height={rowHeight - 8}
                  className={bar.mark ? `rollup-chart-bar rollup-chart-bar-${bar.mark}` : 'rollup-chart-bar'}
                />
              )}
              <text x={labelWidth + area + 6} y={y + 17} className="rollup-chart-value">
                {bar.text}
              </text>
            </g>
          );
        })}
        {lines.map((line) => (
          <g key={line.label}>
            <line
              x1={labelWidth + scale(line.value)}
              x2={labelWidth + scale(line.value)}
              y1={top - 2}
              y2={height - 2}
              className="rollup-chart-line"
            />
            <text
              x={labelWidth + scale(line.value)}
              y={12}
              textAnchor="middle"
              className="rollup-chart-linelabel"
            >
              {line.label}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

export type Stack = { label: string; parts: readonly { key: string; value: number }[]; total: number };

/** One bar per row, split into parts (statuses), with a legend naming each part's colour. */
export function StackedBarChart({
  title,
  alt,
  stacks,
  legend,
}: {
  title: string;
  alt: string;
  stacks: readonly Stack[];
  legend: readonly { key: string; label: string }[];
}) {
  const titleId = useId();
  const descId = useId();
  const area = width - labelWidth - valueWidth;
  const height = 4 + stacks.length * rowHeight + 4;
  return (
    <figure className="rollup-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{alt}</desc>
        {stacks.map((stack, i) => {
          const y = 4 + i * rowHeight;
          let x = labelWidth;
          return (
            <g key={stack.label}>
              <text x={labelWidth - 8} y={y + 17} textAnchor="end" className="rollup-chart-label">
                {short(stack.label)}
              </text>
              {stack.parts.map((part) => {
                const w = stack.total > 0 ? (part.value / stack.total) * area : 0;
                const rect = (
                  <rect
                    key={part.key}
                    x={x}
                    y={y + 4}
                    width={w}
                    height={rowHeight - 8}
                    className={`rollup-status rollup-status-${part.key}`}
                  />
                );
                x += w;
                return rect;
              })}
              <text x={labelWidth + area + 6} y={y + 17} className="rollup-chart-value">
                {stack.total}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="rollup-legend">
          {legend.map((item) => (
            <li key={item.key}>
              <span className={`rollup-swatch rollup-status-${item.key}`} aria-hidden="true" />
              {item.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/**
 * A wide table's frame: it scrolls sideways on a narrow screen, so it can take the focus (a keyboard user
 * scrolls it with the arrow keys) and is a region named by the table's caption.
 */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
