import { useComputedColorScheme } from '@mantine/core';
import { useLayoutEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useTranslation } from 'react-i18next';
import type { UsageSeries } from '@contract/usage';
import { USAGE_OUTCOMES } from '@contract/usage-outcomes';
import { chartAxes } from './chart-axes';
import { OUTCOME_COLORS } from './outcome-colors';

/** A Mantine colour variable's value now (light or dark scheme). */
function cssColor(element: HTMLElement, name: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || 'gray';
}

/**
 * Requests over time, stacked by outcome (uPlot, a small canvas chart library, loaded only with
 * the usage screens). Each outcome's band is drawn as a filled line over the cumulative total
 * of the outcomes below it. The chart is decoration for sighted readers: its numbers are in the
 * table beside it (UsageView), which screen readers get instead.
 */
export function UsageChart({ series, height = 180 }: { series: UsageSeries; height?: number }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  // Colours are read from the theme's CSS variables: draw again when the scheme changes.
  const scheme = useComputedColorScheme('light');
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const xs = series.points.map((point) => Date.parse(point.at) / 1000);
    const present = USAGE_OUTCOMES.filter((outcome) => series.totals[outcome] > 0);
    // Cumulative sums, top band first, so each fill paints over the one below it last.
    const cumulative = present.map((_, upTo) =>
      series.points.map((point) =>
        present.slice(0, upTo + 1).reduce((sum, outcome) => sum + point.counts[outcome], 0),
      ),
    );
    const order = present.map((_, index) => present.length - 1 - index);
    const text = cssColor(element, '--mantine-color-dimmed');
    const grid = cssColor(element, '--mantine-color-default-border');
    // Ticks in the reader's language.
    const axes = chartAxes(locale, xs.length > 1 ? xs[xs.length - 1]! - xs[0]! : 0);
    const chart = new uPlot(
      {
        width: element.clientWidth || 600,
        height,
        legend: { show: false },
        cursor: { show: true, points: { show: false } },
        scales: { x: { time: true } },
        axes: [
          {
            stroke: text,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid },
            values: (_chart, splits) => splits.map(axes.time),
          },
          {
            stroke: text,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid },
            size: 48,
            values: (_chart, splits) => splits.map(axes.count),
          },
        ],
        series: [
          {},
          ...order.map((index) => {
            const color = cssColor(element, `--mantine-color-${OUTCOME_COLORS[present[index]!]}-6`);
            return {
              label: t(`usage.outcomes.${present[index]!}`),
              stroke: color,
              fill: color,
              width: 1,
              points: { show: false },
            };
          }),
        ],
      },
      [xs, ...order.map((index) => cumulative[index]!)],
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [series, height, t, locale, scheme]);
  return <div ref={box} aria-hidden="true" />;
}
