import { existsSync } from 'node:fs';
import path from 'node:path';

/** The checkout a server module runs from: server/*.ts (tsx) or dist/server/*.js (built). */
export function projectRootOf(moduleDir: string): string {
  for (let dir = moduleDir; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(moduleDir, '..');
  }
}
