import { and, desc, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { KeyDayActivity, KeyUsageReport, OutcomeCounts, UsageRange, UsageSeries } from '../../contract/usage';
import { FORWARDED_OUTCOMES, REFUSED_OUTCOMES, USAGE_OUTCOMES, type UsageOutcome } from '../../contract/usage-outcomes';
import type { Executor } from '../db/store';
import { keyClientAddresses, keyUsage } from '../db/schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RANGES: Record<UsageRange, { step: number; points: number; unit: 'hour' | 'day' }> = {
  '24h': { step: HOUR, points: 24, unit: 'hour' },
  '7d': { step: HOUR, points: 7 * 24, unit: 'hour' },
  '30d': { step: DAY, points: 30, unit: 'day' },
};

const zeroCounts = (): OutcomeCounts => Object.fromEntries(USAGE_OUTCOMES.map((outcome) => [outcome, 0])) as OutcomeCounts;

/** The first point of a range ending now: whole hours (or UTC days), the current one included. */
function rangeStart(range: UsageRange, at: number): number {
  const { step, points } = RANGES[range];
  return Math.floor(at / step) * step - (points - 1) * step;
}

/** Where a range's points start and the SQL that puts a bucket on its point. */
function pointsOf(range: UsageRange, at: number) {
  const { unit } = RANGES[range];
  const point = sql<number>`extract(epoch from date_trunc(${sql.raw(`'${unit}'`)}, ${keyUsage.bucket} at time zone 'UTC'))::float8`;
  return { start: rangeStart(range, at), point };
}

/** Requests per point and outcome, from rows summed per point and outcome (and maybe more). */
function toSeries(rows: { point: number; outcome: string; requests: number }[], range: UsageRange, start: number): UsageSeries {
  const { step, points } = RANGES[range];
  const byPoint = Array.from({ length: points }, (_, index) => ({ at: new Date(start + index * step).toISOString(), counts: zeroCounts() }));
  const totals = zeroCounts();
  for (const row of rows) {
    const index = Math.round((Number(row.point) * 1000 - start) / step);
    const outcome = row.outcome as UsageOutcome;
    if (!(outcome in totals) || index < 0 || index >= points) continue;
    byPoint[index]!.counts[outcome] += Number(row.requests);
    totals[outcome] += Number(row.requests);
  }
  return { range, points: byPoint, totals };
}

/**
 * Requests per point and outcome. Minute and hour buckets never cover the same time (a roll-up
 * moves minutes into hours in one transaction), so both are read together.
 */
async function series(db: Executor, where: SQL, range: UsageRange, at: number): Promise<UsageSeries> {
  const { start, point } = pointsOf(range, at);
  const rows = await db
    .select({ point, outcome: keyUsage.outcome, requests: sql<number>`sum(${keyUsage.requests})::float8` })
    .from(keyUsage)
    .where(and(where, gte(keyUsage.bucket, new Date(start))))
    .groupBy(point, keyUsage.outcome);
  return toSeries(rows, range, start);
}

const isOutcomeIn = (outcomes: ReadonlySet<UsageOutcome>, outcome: string) => outcomes.has(outcome as UsageOutcome);
/** Ties between endpoints in a stable order: by endpoint, then method (code units). */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const ofKey = (kind: 'deployment' | 'platform', label: string) => and(eq(keyUsage.keyKind, kind), eq(keyUsage.keyLabel, label))!;

/**
 * A key's Usage view: its series, its top endpoints with refusals, its average times, its latest
 * client addresses. The range's rows are read once, summed per point, endpoint and outcome (a few
 * hundred rows however busy the key), and the series, endpoints and times are made from them.
 */
export async function keyUsageReport(db: Executor, kind: 'deployment' | 'platform', label: string, range: UsageRange, at: number): Promise<KeyUsageReport> {
  const where = ofKey(kind, label);
  const { start, point } = pointsOf(range, at);
  const [summed, addresses, forwarded] = await Promise.all([
    db
      .select({
        point,
        method: keyUsage.method,
        endpoint: keyUsage.endpoint,
        outcome: keyUsage.outcome,
        requests: sql<number>`sum(${keyUsage.requests})::float8`,
        keywardMs: sql<number>`sum(${keyUsage.keywardMs})::float8`,
        upstreamMs: sql<number>`sum(${keyUsage.upstreamMs})::float8`,
      })
      .from(keyUsage)
      .where(and(where, gte(keyUsage.bucket, new Date(start))))
      .groupBy(point, keyUsage.method, keyUsage.endpoint, keyUsage.outcome),
    db
      .select({ address: keyClientAddresses.address, lastSeenAt: keyClientAddresses.lastSeenAt })
      .from(keyClientAddresses)
      .where(and(eq(keyClientAddresses.keyKind, kind), eq(keyClientAddresses.keyLabel, label)))
      .orderBy(desc(keyClientAddresses.lastSeenAt))
      .limit(20),
    db
      .select({ method: keyUsage.method, endpoint: keyUsage.endpoint, lastAt: sql<Date>`max(${keyUsage.bucket})` })
      .from(keyUsage)
      .where(and(where, inArray(keyUsage.outcome, [...FORWARDED_OUTCOMES]), gte(keyUsage.bucket, new Date(at - 90 * DAY))))
      .groupBy(keyUsage.method, keyUsage.endpoint),
  ]);
  const byEndpoint = new Map<string, { method: string; endpoint: string; requests: number; refused: number }>();
  const times = { requests: 0, keywardMs: 0, upstreamMs: 0, forwarded: 0 };
  for (const row of summed) {
    const requests = Number(row.requests);
    const name = `${row.method} ${row.endpoint}`;
    const entry = byEndpoint.get(name) ?? { method: row.method, endpoint: row.endpoint, requests: 0, refused: 0 };
    entry.requests += requests;
    if (isOutcomeIn(REFUSED_OUTCOMES, row.outcome)) entry.refused += requests;
    byEndpoint.set(name, entry);
    times.requests += requests;
    times.keywardMs += Number(row.keywardMs);
    times.upstreamMs += Number(row.upstreamMs);
    if (isOutcomeIn(FORWARDED_OUTCOMES, row.outcome)) times.forwarded += requests;
  }
  const endpoints = [...byEndpoint.values()]
    .sort((a, b) => b.requests - a.requests || compareText(a.endpoint, b.endpoint) || compareText(a.method, b.method))
    .slice(0, 20);
  return {
    ...toSeries(summed, range, start),
    averageKeywardMs: times.requests > 0 ? times.keywardMs / times.requests : null,
    averageUpstreamMs: times.forwarded > 0 ? times.upstreamMs / times.forwarded : null,
    endpoints,
    addresses: addresses.map((row) => ({ address: row.address, lastSeenAt: row.lastSeenAt.toISOString() })),
    forwarded: forwarded.map((row) => ({ method: row.method, endpoint: row.endpoint, lastAt: new Date(row.lastAt).toISOString() })),
  };
}

/** A deployment's requests (every key of it) over a range, by outcome. */
export const deploymentUsage = (db: Executor, deploymentId: string, range: UsageRange, at: number) =>
  series(db, and(eq(keyUsage.keyKind, 'deployment'), eq(keyUsage.deploymentId, deploymentId))!, range, at);

/** The last 24 hours of each of these keys, as its list row shows it (zeros for an unused one). */
export async function sparklines(db: Executor, kind: 'deployment' | 'platform', labels: string[], at: number): Promise<Record<string, KeyDayActivity>> {
  const result: Record<string, KeyDayActivity> = Object.fromEntries(labels.map((label) => [label, { servedHourly: Array<number>(24).fill(0), notServed: 0 }]));
  if (labels.length === 0) return result;
  const start = rangeStart('24h', at);
  const point = sql<number>`extract(epoch from date_trunc('hour', ${keyUsage.bucket} at time zone 'UTC'))::float8`;
  const rows = await db
    .select({ label: keyUsage.keyLabel, point, outcome: keyUsage.outcome, requests: sql<number>`sum(${keyUsage.requests})::float8` })
    .from(keyUsage)
    .where(and(eq(keyUsage.keyKind, kind), inArray(keyUsage.keyLabel, labels), gte(keyUsage.bucket, new Date(start))))
    .groupBy(keyUsage.keyLabel, point, keyUsage.outcome);
  for (const row of rows) {
    const activity = result[row.label];
    const index = Math.round((Number(row.point) * 1000 - start) / HOUR);
    if (!activity || index < 0 || index >= 24) continue;
    if (isOutcomeIn(FORWARDED_OUTCOMES, row.outcome)) activity.servedHourly[index]! += Number(row.requests);
    else activity.notServed += Number(row.requests);
  }
  return result;
}
