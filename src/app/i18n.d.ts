import 'i18next';
import type { en } from '@/app/locales/en';
import type { enConsole } from '@/app/locales/en-console';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en & typeof enConsole };
  }
}
