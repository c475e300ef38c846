/**
 * What became of a request that named a known key, as usage counts it (zod-free: the SPA's
 * charts use it too). Forwarded: `success` (upstream 2xx/3xx), `upstream_4xx`, `upstream_5xx`
 * (with Keyward's own 502/504 for an unreachable upstream). Refused by Keyward: `denied_403`
 * (permission, client address), `unauthorized_401` (wrong secret, expired, disabled),
 * `limited_429`, `unavailable_503` (deployment stopped), `bad_request` (no canonical path, no such
 * endpoint, method not supported). Platform API calls count their own answer the same way.
 */
export const USAGE_OUTCOMES = [
  'success',
  'upstream_4xx',
  'upstream_5xx',
  'denied_403',
  'unauthorized_401',
  'limited_429',
  'unavailable_503',
  'bad_request',
] as const;
export type UsageOutcome = (typeof USAGE_OUTCOMES)[number];

/** Refusals: what a key asked for and did not get (the sign of a missing permission, among others). */
export const REFUSED_OUTCOMES: ReadonlySet<UsageOutcome> = new Set(['denied_403', 'unauthorized_401', 'limited_429']);

/** Forwarded: the gateway let it through, whatever the upstream then said. */
export const FORWARDED_OUTCOMES: ReadonlySet<UsageOutcome> = new Set(['success', 'upstream_4xx', 'upstream_5xx']);

/**
 * The three things a person asks of a key's traffic, each outcome in exactly one: `served`
 * (forwarded: the deployment answered, whatever it said, or could not be reached), `denied` (Keyward said no to this key:
 * no permission, or not from an allowed address) and `refused` (everything else Keyward answered
 * itself: a wrong secret, an expired or disabled key, a rate limit, a stopped deployment, a bad
 * path or method).
 */
export const OUTCOME_GROUPS = ['served', 'denied', 'refused'] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];
export const outcomeGroupOf = (outcome: UsageOutcome): OutcomeGroup =>
  FORWARDED_OUTCOMES.has(outcome) ? 'served' : outcome === 'denied_403' ? 'denied' : 'refused';

/** The outcome of an answer, given whether it came from the upstream. */
export function usageOutcomeOf(status: number, forwarded: boolean): UsageOutcome {
  if (forwarded) return status < 400 ? 'success' : status < 500 ? 'upstream_4xx' : 'upstream_5xx';
  if (status < 400) return 'success';
  switch (status) {
    case 401:
      return 'unauthorized_401';
    case 403:
      return 'denied_403';
    case 429:
      return 'limited_429';
    case 503:
      return 'unavailable_503';
    default:
      return status >= 500 ? 'upstream_5xx' : 'bad_request';
  }
}
