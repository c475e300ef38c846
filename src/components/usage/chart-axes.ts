const TWO_DAYS_SECONDS = 2 * 86_400;

/**
 * A usage chart's tick labels in the reader's language: the time of day when the chart spans
 * two days or less, the date beyond; counts in compact form (1.2K, 1.2万).
 */
export function chartAxes(locale: string, spanSeconds: number) {
  const time = new Intl.DateTimeFormat(
    locale,
    spanSeconds <= TWO_DAYS_SECONDS
      ? { hour: 'numeric', minute: '2-digit' }
      : { month: 'short', day: 'numeric' },
  );
  const count = new Intl.NumberFormat(locale, { notation: 'compact' });
  return {
    /** uPlot gives times in seconds. */
    time: (seconds: number) => time.format(new Date(seconds * 1000)),
    count: (value: number) => count.format(value),
  };
}
