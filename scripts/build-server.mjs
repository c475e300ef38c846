// `npm run build` part two: the server as one ES module of compiled JavaScript (esbuild), with
// its migrations beside it. Packages stay in node_modules; tsx is for development only.
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist', 'server');

rmSync(out, { recursive: true, force: true });
await build({
  // The server, and the operator's command line (`npm run keyward -- …`).
  entryPoints: [path.join(root, 'server', 'main.ts'), path.join(root, 'server', 'cli.ts')],
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  sourcemap: true,
  // Stack traces name functions as written; no `__name` wrappers on the hot path.
  keepNames: false,
  logLevel: 'warning',
});
// The store finds its migrations beside its module (server/db/store.ts): here, beside main.js.
cpSync(path.join(root, 'server', 'db', 'migrations'), path.join(out, 'migrations'), { recursive: true });
console.log(`server built into ${path.relative(root, out)}/main.js and cli.js`);
