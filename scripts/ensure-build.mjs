// `npm start` runs the built console and server: build each when it is missing or older than
// its sources.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when `built` is missing or older than any of `sources` (files or directories). */
function stale(built, sources) {
  if (!existsSync(built)) return true;
  const newest = Math.max(
    ...sources
      .map((name) => path.join(root, name))
      .filter((source) => existsSync(source))
      .map((source) => (statSync(source).isDirectory() ? newestMtime(source) : statSync(source).mtimeMs)),
  );
  return newest > statSync(built).mtimeMs;
}

if (stale(path.join(root, 'dist', 'spa', 'index.html'), ['src', 'contract', 'public', 'index.html', 'vite.config.ts'])) {
  console.log('Building the console (vite build)…');
  execSync('npx vite build', { cwd: root, stdio: 'inherit' });
}
const serverSources = ['server', 'contract', 'catalog', 'package-lock.json'];
if (['main.js', 'cli.js'].some((file) => stale(path.join(root, 'dist', 'server', file), serverSources))) {
  console.log('Building the server…');
  execSync('node scripts/build-server.mjs', { cwd: root, stdio: 'inherit' });
}
