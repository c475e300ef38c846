import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Node flags that let a bench make a server run full collections on SIGUSR2
 * (full-gc-on-signal.cjs): a server that has run for a while has had them, and they change what a
 * request costs afterwards. The benches that compare servers put each in that state first.
 */
export const FULL_GC_ON_SIGNAL = ['--expose-gc', '--require', path.join(here, 'full-gc-on-signal.cjs')];

/**
 * Node flags for the bench's own servers, which run as TypeScript: tsx, and the tick object
 * Keyward keeps (keep-tick-object-shapes.ts), so that full collections cost every server alike.
 */
export const BENCH_SERVER_TYPESCRIPT = ['--import', 'tsx', '--import', path.join(here, 'keep-tick-object-shapes.ts')];
