import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import i18n from 'i18next';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import v5 from '../../catalog/emqx-v5.json';
import type { EndpointCatalog } from '../../contract/endpoint-catalog';
import { theme } from '../../src/app/theme';
import { PermissionPicker } from '../../src/features/deployment-keys/components/PermissionPicker';
import { en } from '../../src/locales/en';
import { enConsole } from '../../src/locales/en-console';
import { scaleCatalog } from './synthetic-catalog';

// The real picker on the real catalog (or one ten times larger), in a production build.
const factor = Number(new URLSearchParams(location.search).get('scale') ?? '1');
const catalog = scaleCatalog(v5 as EndpointCatalog, factor);

function Bench() {
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  return (
    <div style={{ padding: 16 }} id="picker">
      <PermissionPicker catalog={catalog} value={selection} onChange={setSelection} />
    </div>
  );
}

void i18n
  .use(initReactI18next)
  .init({
    lng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
  })
  .then(() => {
    // The picker's strings come with the console's own (src/lib/i18n.ts merges them the same way).
    i18n.addResourceBundle('en', 'translation', enConsole, true, true);
  })
  .then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <MantineProvider theme={theme}>
          <Bench />
        </MantineProvider>
      </StrictMode>,
    ),
  );
