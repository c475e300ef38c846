import { useTranslation } from 'react-i18next';

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
  return {
    dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—'),
    /** To the second: where events follow each other closely (the audit log). */
    dateTimeSeconds: (iso: string) => dateTimeSeconds.format(new Date(iso)),
    number: (value: number) => number.format(value),
  };
}
