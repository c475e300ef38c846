import type { TFunction } from 'i18next';

/**
 * The translation of a key built from data (an audit field, a target type), or the fallback
 * when the data holds something no locale names yet.
 */
export function translateOr(t: TFunction, key: string, fallback: string): string {
  return (t as unknown as (key: string, options: { defaultValue: string }) => string)(key, {
    defaultValue: fallback,
  });
}
