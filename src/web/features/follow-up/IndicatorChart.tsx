import { type EChartsCoreOption, format } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitmentIndicator } from '../../../shared/contracts/follow-up';
import { EChart } from '../../shared/components/EChart';
import { formatShortDate, intlLocale } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { formatValue } from './follow-up-format';

/**
 * How each part is drawn: by shape and line as well as colour, so none is told by colour alone. The colours
 * keep 3:1 against the page. The legend is the page's own text beside the chart rather than the library's:
 * it wraps on a phone, where the library's would page sideways.
 */
const looks = {
  plan: { colour: '#595959' },
  baseline: { colour: '#595959', symbol: 'rect' },
  goal: { colour: '#b35c00', symbol: 'triangle' },
  target: { colour: '#1e7b34', symbol: 'diamond' },
  values: { colour: '#1f5aa6', symbol: 'circle' },
} as const;

/**
 * An indicator's course: the values reported, as a solid line, against the planned course from the
 * baseline through the intermediate goals to the target, dashed. Loaded only when a commitment's page has
 * an indicator to draw (CommitmentPage imports it lazily), so the charting library stays out of the first
 * bundle. The page gives it its name, and the summary and table beside it say the same in words.
 */
export default function IndicatorChart({
  indicator: i,
  label,
  describedBy,
}: {
  indicator: CommitmentIndicator;
  label: string;
  describedBy: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const option = useMemo<EChartsCoreOption>(() => {
    const number = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 });
    const month = new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', year: 'numeric' });
    const goals = [...i.goals].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    const plan = [
      [i.baselineOn, i.baselineValue],
      ...goals.map((g) => [g.dueOn, g.value]),
      [i.targetOn, i.targetValue],
    ];
    const values = i.values.map((v) => [v.measuredOn, v.value, v.roundName]);
    const marks = (
      key: 'baseline' | 'goal' | 'target',
      data: (string | number)[][],
      size: number,
    ): Record<string, unknown> => ({
      type: 'scatter',
      name: t(`followUp.chart.legend.${key}`),
      symbol: looks[key].symbol,
      symbolSize: size,
      itemStyle: { color: looks[key].colour },
      data,
      z: 3,
    });
    const series = [
      {
        type: 'line',
        name: t('followUp.chart.legend.plan'),
        data: plan,
        showSymbol: false,
        lineStyle: { type: 'dashed', width: 2, color: looks.plan.colour },
        itemStyle: { color: looks.plan.colour },
        tooltip: { show: false },
        z: 1,
      },
      marks('baseline', [plan[0] ?? []], 11),
      ...(goals.length > 0 ? [marks('goal', plan.slice(1, -1), 13)] : []),
      marks('target', [plan.at(-1) ?? []], 15),
      {
        type: 'line',
        name: t('followUp.chart.legend.values'),
        data: values,
        symbol: looks.values.symbol,
        symbolSize: 9,
        lineStyle: { width: 3, color: looks.values.colour },
        itemStyle: { color: looks.values.colour },
        z: 4,
      },
    ];
    return {
      animation: false,
      aria: { enabled: false },
      legend: { show: false },
      tooltip: {
        trigger: 'item',
        formatter: (p: { value: [string, number, string?]; seriesName: string }) =>
          // The tooltip is HTML: a round's name is typed by people, so everything is escaped.
          [
            p.value[2] ? `${p.seriesName} (${p.value[2]})` : p.seriesName,
            `${formatShortDate(p.value[0], locale)}: ${formatValue(p.value[1], i.unit, locale)}`,
          ]
            .map((line) => format.encodeHTML(line))
            .join('<br/>'),
      },
      grid: { left: 8, right: 24, top: 36, bottom: 16, containLabel: true },
      xAxis: {
        type: 'time',
        // Room on either side, so the baseline's and the target's marks are not cut in half at the edges.
        boundaryGap: ['4%', '4%'],
        splitLine: { show: true },
        axisLabel: { formatter: (value: number) => month.format(value), hideOverlap: true },
      },
      yAxis: {
        type: 'value',
        // The values lie far from zero as often as not (98 000 against 105 000 guest nights): the axis
        // spans them, not zero to them, so a shortfall can be seen.
        scale: true,
        boundaryGap: ['10%', '10%'],
        name: i.unit,
        nameTextStyle: { align: 'left' },
        axisLabel: { formatter: (value: number) => number.format(value) },
      },
      series,
    };
  }, [i, t, locale]);
  const parts = [
    'plan',
    'baseline',
    ...(i.goals.length > 0 ? ['goal' as const] : []),
    'target',
    ...(i.values.length > 0 ? ['values' as const] : []),
  ] as const;
  return (
    <div className="follow-up-chart">
      <ul className="follow-up-legend">
        {parts.map((part) => (
          <li key={part}>
            <LegendMark part={part} />
            {t(`followUp.chart.legend.${part}`)}
          </li>
        ))}
      </ul>
      <EChart option={option} height={300} role="img" aria-label={label} aria-describedby={describedBy} />
    </div>
  );
}

/** A part's mark in the legend, drawn as in the chart. */
function LegendMark({ part }: { part: keyof typeof looks }) {
  const colour = looks[part].colour;
  return (
    <svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false">
      {part === 'plan' && (
        <line x1="1" y1="7" x2="27" y2="7" stroke={colour} strokeWidth="2" strokeDasharray="5 3" />
      )}
      {part === 'values' && (
        <>
          <line x1="1" y1="7" x2="27" y2="7" stroke={colour} strokeWidth="3" />
          <circle cx="14" cy="7" r="4.5" fill={colour} />
        </>
      )}
      {part === 'baseline' && <rect x="9" y="2" width="10" height="10" fill={colour} />}
      {part === 'goal' && <polygon points="14,1 21,13 7,13" fill={colour} />}
      {part === 'target' && <polygon points="14,0 21,7 14,14 7,7" fill={colour} />}
    </svg>
  );
}
