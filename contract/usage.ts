import { z } from 'zod';
import { USAGE_OUTCOMES } from './usage-outcomes';

export const USAGE_RANGES = ['24h', '7d', '30d'] as const;
export type UsageRange = (typeof USAGE_RANGES)[number];
export const usageQuerySchema = z.object({ range: z.enum(USAGE_RANGES).default('24h') }).strict();

const outcomeCounts = z.object(Object.fromEntries(USAGE_OUTCOMES.map((outcome) => [outcome, z.number()])) as Record<(typeof USAGE_OUTCOMES)[number], z.ZodNumber>);
export type OutcomeCounts = z.infer<typeof outcomeCounts>;

/** Requests over a range, stacked by outcome: hourly points for 24 hours and 7 days, daily for 30. */
export const usageSeriesSchema = z.object({
  range: z.enum(USAGE_RANGES),
  points: z.array(z.object({ at: z.iso.datetime(), counts: outcomeCounts })),
  totals: outcomeCounts,
});
export type UsageSeries = z.infer<typeof usageSeriesSchema>;

/** One key's usage: its series, what it called (and was refused), and from where. */
export const keyUsageReportSchema = usageSeriesSchema.extend({
  /** Milliseconds, averaged over the range's requests; null without requests. */
  averageKeywardMs: z.number().nullable(),
  averageUpstreamMs: z.number().nullable(),
  endpoints: z.array(z.object({ method: z.string(), endpoint: z.string(), requests: z.number(), refused: z.number() })),
  addresses: z.array(z.object({ address: z.string(), lastSeenAt: z.iso.datetime() })),
  /** Every (method, endpoint) forwarded for the key in the last 90 days, and when last: "used vs granted". */
  forwarded: z.array(z.object({ method: z.string(), endpoint: z.string(), lastAt: z.iso.datetime() })),
});
export type KeyUsageReport = z.infer<typeof keyUsageReportSchema>;

/**
 * A key's last 24 hours as a list shows it: requests served per hour, oldest first (the row's
 * sparkline), and how many more were denied or refused, so a disabled key's refused calls are
 * never read as use.
 */
export const keyDayActivitySchema = z.object({ servedHourly: z.array(z.number()), notServed: z.number() });
export type KeyDayActivity = z.infer<typeof keyDayActivitySchema>;

/** A key list's sparklines, per key (App ID or Key). */
export const usageSparklinesSchema = z.object({ keys: z.record(z.string(), keyDayActivitySchema) });
export type UsageSparklines = z.infer<typeof usageSparklinesSchema>;
