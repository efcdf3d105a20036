import { type EChartsCoreOption, format } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewEntry } from '../../../shared/contracts/overview';
import { EChart } from '../../shared/components/EChart';
import { formatDate, intlLocale } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';

/** How a milestone is drawn: its state as it stands, by shape as well as colour. */
const marks = {
  done: { symbol: 'circle', colour: '#1e7b34' },
  in_progress: { symbol: 'diamond', colour: '#b35c00' },
  planned: { symbol: 'emptyCircle', colour: '#1f5aa6' },
} as const;
type Mark = keyof typeof marks;

/** Regions shown at once; more scroll with the slider beside the chart. */
const visibleRows = 25;
const rowHeight = 28;

/**
 * The timeline: one row per region (as filtered and sorted in the table), each milestone a point on the
 * day it was done or, while open, the day it is planned, and today a line across. Loaded only on the
 * overview page (OverviewPage imports it lazily): the charting library stays out of the first bundle.
 */
export default function OverviewTimeline({
  rows,
  today,
  label,
  describedBy,
}: {
  rows: readonly OverviewEntry[];
  today: string;
  label: string;
  describedBy: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const option = useMemo<EChartsCoreOption>(() => {
    // ECharts draws the first category at the bottom; the table's first row goes on top.
    const names = rows.map((r) => r.regionName).reverse();
    const points: Record<Mark, [string, string, string][]> = { done: [], in_progress: [], planned: [] };
    for (const row of rows) {
      for (const m of row.milestones) {
        const mark: Mark | null = m.doneDate
          ? 'done'
          : m.state === 'in_progress'
            ? 'in_progress'
            : m.plannedDate && m.state === 'not_started'
              ? 'planned'
              : null;
        const day = m.doneDate ?? m.plannedDate;
        if (mark && day) points[mark].push([day, row.regionName, m.name]);
      }
    }
    const series = (Object.keys(marks) as Mark[]).map((mark, i) => ({
      type: 'scatter',
      name: t(`overview.timeline.legend.${mark}`),
      symbol: marks[mark].symbol,
      symbolSize: 11,
      itemStyle: { color: marks[mark].colour },
      data: points[mark],
      ...(i === 0
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { color: '#c01b1b', type: 'solid', width: 2 },
              label: { formatter: t('overview.timeline.today'), position: 'end', color: '#c01b1b' },
              data: [{ xAxis: today }],
            },
          }
        : {}),
    }));
    const scrolls = rows.length > visibleRows;
    const todayMs = Date.parse(today);
    const month = new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', year: 'numeric' });
    return {
      animation: false,
      aria: { enabled: false },
      legend: { top: 0 },
      tooltip: {
        trigger: 'item',
        formatter: (p: { value: [string, string, string]; seriesName: string }) =>
          // The tooltip is HTML: names typed into the registry are escaped.
          [p.value[1], p.value[2], `${p.seriesName}: ${formatDate(p.value[0], locale)}`]
            .map((line) => format.encodeHTML(line))
            .join('<br/>'),
      },
      grid: { left: 8, right: scrolls ? 48 : 24, top: 40, bottom: 32, containLabel: true },
      // Today is always on the axis, however far the milestones lie from it.
      xAxis: {
        type: 'time',
        splitLine: { show: true },
        min: (extent: { min: number }) => Math.min(extent.min, todayMs - 30 * 86_400_000),
        max: (extent: { max: number }) => Math.max(extent.max, todayMs + 30 * 86_400_000),
        axisLabel: { formatter: (value: number) => month.format(value), hideOverlap: true },
      },
      yAxis: { type: 'category', data: names, axisLabel: { width: 180, overflow: 'truncate' } },
      dataZoom: scrolls
        ? [
            {
              type: 'slider',
              yAxisIndex: 0,
              right: 8,
              width: 20,
              startValue: names.length - visibleRows,
              endValue: names.length - 1,
              showDetail: false,
            },
            { type: 'inside', yAxisIndex: 0, zoomOnMouseWheel: false, moveOnMouseWheel: true },
          ]
        : [],
      series,
    };
  }, [rows, today, t, locale]);
  const height = 80 + Math.min(rows.length, visibleRows) * rowHeight;
  return (
    <EChart
      option={option}
      height={height}
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
      className="overview-timeline"
      data-today={today}
    />
  );
}
