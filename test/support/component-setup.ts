import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach } from 'vitest';
import { en } from '../../src/app/locales/en';
import { enConsole } from '../../src/app/locales/en-console';

// jsdom has no matchMedia; Mantine asks it for the colour scheme.
window.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addListener: () => undefined,
  removeListener: () => undefined,
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
  dispatchEvent: () => false,
})) as typeof window.matchMedia;

void i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: { ...en, ...enConsole } } }, interpolation: { escapeValue: false } });

afterEach(() => cleanup());
