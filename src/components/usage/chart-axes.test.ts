import { describe, expect, it } from 'vitest';
import { chartAxes } from './chart-axes';

const DEC_7_NOON_UTC = Date.UTC(2026, 11, 7, 12, 0) / 1000;

describe('usage chart axes', () => {
  it('label dates and counts in the reader language', () => {
    const month = chartAxes('zh-CN', 30 * 86_400);
    expect(month.time(DEC_7_NOON_UTC)).toMatch(/12月\s?[78]日/);
    expect(month.count(12_000)).toBe('1.2万');
    const english = chartAxes('en', 30 * 86_400);
    expect(english.time(DEC_7_NOON_UTC)).toMatch(/Dec [78]/);
    expect(english.count(12_000)).toBe('12K');
  });

  it('label the time of day within two days, and dates beyond', () => {
    expect(chartAxes('en', 86_400).time(DEC_7_NOON_UTC)).toMatch(/\d{1,2}:\d{2}/);
    expect(chartAxes('en', 3 * 86_400).time(DEC_7_NOON_UTC)).not.toMatch(/:/);
  });
});
