import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelEntries, matchesLabelFilter, parseLabelFilter } from './key-label-reading';
import { KEY_LABEL_LIMITS, keyLabelsSchema, labelsFromEntries } from './key-labels';

const labelKey = fc.stringMatching(/^[a-z0-9](?:[a-z0-9._-]{0,30}[a-z0-9])?$/);
const labelValue = fc.stringMatching(/^[A-Za-z0-9._:/-]{1,64}$/);
const labels = fc.dictionary(labelKey, labelValue, { maxKeys: KEY_LABEL_LIMITS.count });

describe('key labels', () => {
  it('accepts what the rules allow and reads back the same labels from their entries', () => {
    fc.assert(
      fc.property(labels, (value) => {
        expect(keyLabelsSchema.parse(value)).toEqual(value);
        expect(labelsFromEntries(labelEntries(value))).toEqual({ labels: value });
      }),
    );
  });

  it('refuses bad names, bad values and too many labels, saying which', () => {
    const problem = (input: unknown) =>
      keyLabelsSchema.safeParse(input).error?.issues.map((issue) => issue.message);
    expect(problem({ Team: 'x' })).toEqual([expect.stringMatching(/lower-case letters/)]);
    expect(problem({ '-team': 'x' })).toEqual([expect.stringMatching(/start and end/)]);
    expect(problem({ team: 'a b' })).toEqual([expect.stringMatching(/Label values use/)]);
    expect(problem({ team: '' })).toEqual(['Give the label a value']);
    expect(problem({ ['k'.repeat(33)]: 'x' })).toEqual([expect.stringMatching(/at most 32/)]);
    expect(problem({ team: 'v'.repeat(65) })).toEqual([expect.stringMatching(/at most 64/)]);
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']));
    expect(problem(eleven)).toEqual(['At most 10 labels']);
  });

  it('reads form entries, refusing a missing "=", a repeated name and a bad value', () => {
    expect(labelsFromEntries([' team = payments ', 'env=prod'])).toEqual({
      labels: { team: 'payments', env: 'prod' },
    });
    expect(labelsFromEntries(['team'])).toEqual({ problem: 'team: Write labels as name=value' });
    expect(labelsFromEntries(['team=a', 'team=b'])).toEqual({ problem: 'team is given twice' });
    expect(labelsFromEntries(['team=a,b'])).toMatchObject({ problem: /team=a,b: Label values/ });
  });

  it('filters: every term must match, a name alone asks only that the label is there', () => {
    const key = { team: 'payments', env: 'prod' };
    const matches = (filter: string) => matchesLabelFilter(key, parseLabelFilter(filter));
    expect(matches('')).toBe(true);
    expect(matches('team=payments')).toBe(true);
    expect(matches('team=payments, env')).toBe(true);
    expect(matches('team=payments env=dev')).toBe(false);
    expect(matches('owner')).toBe(false);
    expect(matches('team=pay')).toBe(false);
    // Inherited names are not labels.
    expect(matches('constructor')).toBe(false);
  });
});
