import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FORWARDED_OUTCOMES,
  OUTCOME_GROUPS,
  outcomeGroupOf,
  USAGE_OUTCOMES,
  usageOutcomeOf,
} from './usage-outcomes';

describe('outcome groups', () => {
  it('puts every outcome in exactly one of served, denied, refused, and every group is reached', () => {
    const groups = USAGE_OUTCOMES.map(outcomeGroupOf);
    expect(new Set(groups)).toEqual(new Set(OUTCOME_GROUPS));
  });

  it('counts as served exactly what was forwarded, and only a 403 of Keyward as denied', () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 599 }), fc.boolean(), (status, forwarded) => {
        const group = outcomeGroupOf(usageOutcomeOf(status, forwarded));
        // Keyward's own 502/504 (an unreachable upstream) count with the upstream's 5xx.
        const upstreamFailed = status >= 500 && status !== 503;
        if (forwarded || upstreamFailed) expect(group).toBe('served');
        else if (status === 403) expect(group).toBe('denied');
        else if (status >= 400) expect(group).toBe('refused');
        expect(group === 'served').toBe(FORWARDED_OUTCOMES.has(usageOutcomeOf(status, forwarded)));
      }),
    );
  });
});
