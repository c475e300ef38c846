// Fails when any first page load needs more than the budget of gzipped JavaScript. A first load
// is the entry chunk with its static imports, plus the lazy chunks that screen needs before it
// can paint: the sign-in or setup form, or the console shell with one page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200 * 1024;
const SHELL = 'src/app/shell/AppLayout.tsx';
const STANDALONE_SCREENS = ['src/features/auth/components/SignInPage.tsx', 'src/features/auth/components/SetupPage.tsx'];

const dist = path.resolve(import.meta.dirname, '..', 'dist', 'spa');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));

const gzipped = new Map();
const sizeOf = (file) => {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(path.join(dist, file))).length);
  return gzipped.get(file);
};

function addClosure(key, files) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest`);
  if (files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) addClosure(imported, files);
  return files;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const entryFiles = addClosure(entryKey, new Set());
// What the entry and its static imports load on demand (a shared chunk may hold the import()).
const entryKeys = new Set();
const collectKeys = (key) => {
  if (entryKeys.has(key)) return;
  entryKeys.add(key);
  for (const imported of manifest[key].imports ?? []) collectKeys(imported);
};
collectKeys(entryKey);
const lazyChunks = [...new Set([...entryKeys].flatMap((key) => manifest[key].dynamicImports ?? []))];
// The strings of one language load before the first paint; count the larger one. The console's
// own strings load with the shell: count the larger of those for every console page too.
const larger = (keys) => keys.reduce((largest, key) => (sizeOf(manifest[key].file) > sizeOf(manifest[largest].file) ? key : largest), keys[0]);
const localeChunks = lazyChunks.filter((key) => key.startsWith('src/app/locales/'));
const locale = larger(localeChunks.filter((key) => !key.includes('-console')));
const consoleLocale = larger(localeChunks.filter((key) => key.includes('-console')));
const pages = lazyChunks.filter(
  (key) => (key.startsWith('src/features/') || key.startsWith('src/app/routes/')) && key !== SHELL && !STANDALONE_SCREENS.includes(key),
);
const scenarios = [
  ...STANDALONE_SCREENS.map((screen) => ({ name: screen, chunks: [locale, screen] })),
  ...pages.map((page) => ({ name: page, chunks: [locale, consoleLocale, SHELL, page] })),
];

const total = (files) => [...files].reduce((sum, file) => sum + sizeOf(file), 0);
console.log(`entry and its static imports: ${kb(total(entryFiles))} gzipped (budget ${kb(BUDGET_BYTES)} per first load)`);
let over = false;
for (const scenario of scenarios) {
  const files = new Set(entryFiles);
  for (const chunk of scenario.chunks) addClosure(chunk, files);
  const bytes = total(files);
  over ||= bytes > BUDGET_BYTES;
  console.log(`  ${bytes > BUDGET_BYTES ? 'OVER' : 'ok  '} ${kb(bytes).padStart(9)}  ${path.basename(scenario.name)}`);
}
if (over) {
  console.error('A first page load is over the budget.');
  process.exit(1);
}
