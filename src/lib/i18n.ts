import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'keyward.language';

/**
 * Where each language's strings come from (the app assembles them from the shared ones and each
 * feature's). Only the language in use is downloaded; another loads if the user switches to it.
 */
export interface StringBundles {
  /** What the first screen needs: the shell, sign-in and setup. */
  first: Record<LanguageCode, () => Promise<object>>;
  /** The signed-in console's, loaded with its shell. */
  console: Record<LanguageCode, () => Promise<object>>;
}
let bundles: StringBundles;

/**
 * The language chosen in the user menu, else the browser's first language we speak (any
 * Chinese reads Simplified Chinese), else English.
 */
export function detectLanguage(
  stored: string | null,
  browserLanguages: readonly string[],
): LanguageCode {
  if (stored && LANGUAGES.some((language) => language.code === stored))
    return stored as LanguageCode;
  for (const tag of browserLanguages) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

// The signed-in console's strings are merged into the same namespace once the shell loads.
let consoleStringsWanted = false;

async function ensureBundle(language: LanguageCode): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) {
    i18n.addResourceBundle(language, 'translation', await bundles.first[language]());
  }
  if (consoleStringsWanted) await ensureConsoleStrings(language);
}

async function ensureConsoleStrings(language: LanguageCode): Promise<void> {
  if (i18n.exists('keys.expires', { lng: language, fallbackLng: [] })) return;
  i18n.addResourceBundle(language, 'translation', await bundles.console[language](), true);
}

/** Loads the console's strings in the current language (and, from now on, in any switched to). */
export async function loadConsoleStrings(): Promise<void> {
  consoleStringsWanted = true;
  await ensureConsoleStrings(i18n.language as LanguageCode);
}

/** Starts i18n in the detected language; the app renders once its strings are here. */
export async function initI18n(strings: StringBundles): Promise<void> {
  bundles = strings;
  const language = detectLanguage(storedLanguage(), navigator.languages ?? [navigator.language]);
  await i18n.use(initReactI18next).init({
    lng: language,
    resources: { [language]: { translation: await bundles.first[language]() } },
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = language;
}

export async function changeLanguage(language: LanguageCode): Promise<void> {
  await ensureBundle(language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode without storage: the choice lasts for this tab only.
  }
}

export { i18n };
