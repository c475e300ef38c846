import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const moduleUrl = new URL('./tick-object-shapes.ts', import.meta.url).href;

/**
 * A process that ticks, collects fully while no tick object is alive (as an idle server does),
 * ticks again and prints how V8 now defines the tick object's properties in process.nextTick:
 * one line per place, MONOMORPHIC (inline) or MEGAMORPHIC (through the runtime, every tick).
 */
async function nextTickFeedback(keep: boolean): Promise<string[]> {
  const script = `
    ${keep ? `(await import(${JSON.stringify(moduleUrl)})).keepTickObjectShapes();` : ''}
    const ticks = (n) => new Promise((resolve) => {
      let left = n;
      const next = () => (--left === 0 ? resolve() : process.nextTick(next));
      process.nextTick(next);
    });
    // Three idle spells, each with full collections: one with no tick object alive is enough.
    for (let spell = 0; spell < 3; spell++) {
      await ticks(2000);
      await new Promise((resolve) => setTimeout(resolve, 10));
      for (let collection = 0; collection < 6; collection++) gc();
    }
    await ticks(2000);
    %DebugPrint(process.nextTick);
  `;
  // %DebugPrint writes through C's stdio: into a pipe the child has made non-blocking it can be
  // cut short, into a file never.
  const directory = mkdtempSync(path.join(tmpdir(), 'keyward-tick-'));
  const file = path.join(directory, 'debug-print.txt');
  const out = openSync(file, 'w');
  try {
    const child = spawn(process.execPath, ['--allow-natives-syntax', '--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: ['ignore', out, 'inherit'],
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const stdout = readFileSync(file, 'utf8');
    return stdout.split('\n').filter((line) => line.includes('DefineKeyedOwnPropertyInLiteral'));
  } finally {
    closeSync(out);
    rmSync(directory, { recursive: true, force: true });
  }
}

describe('keepTickObjectShapes', () => {
  it("keeps process.nextTick's tick object inline through full collections, where without it V8 falls back to the runtime for good", async () => {
    const without = await nextTickFeedback(false);
    // The V8 behaviour the module works around; when a Node no longer shows it, this fails, and
    // the module can go.
    expect(without.some((line) => line.includes('MEGAMORPHIC'))).toBe(true);

    const kept = await nextTickFeedback(true);
    expect(kept.length).toBe(without.length);
    expect(kept.every((line) => line.includes('MONOMORPHIC'))).toBe(true);
  }, 30_000);
});
