import { useTranslation } from 'react-i18next';

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** Dates and numbers in the reader's language. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const dateTimeSeconds = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
  const number = new Intl.NumberFormat(locale);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return {
    dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—'),
    /** To the second: where events follow each other closely (the audit log). */
    dateTimeSeconds: (iso: string) => dateTimeSeconds.format(new Date(iso)),
    number: (value: number) => number.format(value),
    /** "2 min ago", "in 3 days": the largest whole unit of the distance from `now`. */
    relativeTime: (iso: string, now: number) => {
      const seconds = Math.round((Date.parse(iso) - now) / 1000);
      for (const [unit, size] of RELATIVE_UNITS)
        if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
      return relative.format(seconds, 'second');
    },
  };
}
