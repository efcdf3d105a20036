import { LineChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts the charts draw (the overview's timeline, an indicator's course on a commitment's page), so
// the chunk carries no more of the library than it uses. Import this file only from a module that a page
// loads lazily: the library stays out of the first bundle.
echarts.use([
  ScatterChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  DataZoomComponent,
  SVGRenderer,
]);

/**
 * A thin React wrapper around one ECharts instance: made when the element is, given each new option
 * whole, resized with its frame, and disposed with it. Drawn as SVG, so the text it draws is in the page.
 */
export function EChart({
  option,
  height,
  ...rest
}: { option: EChartsCoreOption; height: number } & Omit<React.HTMLAttributes<HTMLDivElement>, 'children'>) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
    chart.current?.resize();
  }, [option]);

  return <div ref={element} style={{ height, width: '100%' }} {...rest} />;
}
