import type { StringBundles } from '@/lib/i18n';

/** Each language's strings as the app assembles them (app/locales): one chunk per language and phase. */
export const STRING_BUNDLES: StringBundles = {
  first: {
    en: () => import('./locales/en').then((m) => m.en),
    'zh-CN': () => import('./locales/zh-CN').then((m) => m.zhCN),
  },
  console: {
    en: () => import('./locales/en-console').then((m) => m.enConsole),
    'zh-CN': () => import('./locales/zh-CN-console').then((m) => m.zhCNConsole),
  },
};
