import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import { launchChromium } from './chromium';
import { percentile } from './stats';
import { serveDirectory } from './static-server';

export interface PickerResult {
  catalog: string;
  interaction: string;
  samples: number;
  p50: number;
  p95: number;
  goalMs: number;
}

const QUERIES = ['clients', 'publish', 'authentication', 'rules', 'metrics', 'topic'];

/**
 * In the page: run one interaction and resolve with the milliseconds from it to the frame that
 * paints its last DOM change (a frame after which two frames pass with no further change).
 */
const MEASURE = `
window.__measure = (act) => new Promise((resolve) => {
  const root = document.getElementById('picker');
  let mutations = 0, seen = 0, quiet = 0, lastChange = null;
  const observer = new MutationObserver(() => { mutations++; });
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  performance.mark('interaction-start');
  const start = performance.now();
  act();
  const frame = () => {
    if (mutations > seen) { seen = mutations; lastChange = performance.now(); quiet = 0; } else { quiet++; }
    if (quiet >= 2 && (seen > 0 || quiet > 20)) {
      observer.disconnect();
      performance.mark('interaction-painted');
      resolve((lastChange ?? performance.now()) - start);
    } else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
});
window.__categoryLabels = (count) =>
  [...document.querySelectorAll('#picker tr.kw-picker-category input[type=checkbox]')].slice(0, count).map((el) => el.getAttribute('aria-label'));
window.__clickCategory = (label) => document.querySelector('#picker input[aria-label="' + label + '"]').click();
window.__type = (value) => {
  const input = document.querySelector('#picker input[type=search]');
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
};
`;

/** What MEASURE installs in the page. */
// Page functions are serialised into the browser: each names the page's globals itself.
interface BenchWindow {
  __measure(act: () => void): Promise<number>;
  __type(text: string): void;
  __categoryLabels(count: number): string[];
  __clickCategory(label: string): void;
}

async function keystrokes(page: Page): Promise<number[]> {
  const samples: number[] = [];
  for (const query of QUERIES) {
    for (let i = 1; i <= query.length; i++) {
      samples.push(
        await page.evaluate(
          (text) =>
            (globalThis as unknown as BenchWindow).__measure(() =>
              (globalThis as unknown as BenchWindow).__type(text),
            ),
          query.slice(0, i),
        ),
      );
    }
    samples.push(
      await page.evaluate(() =>
        (globalThis as unknown as BenchWindow).__measure(() =>
          (globalThis as unknown as BenchWindow).__type(''),
        ),
      ),
    );
  }
  return samples;
}

async function categoryClicks(page: Page): Promise<number[]> {
  // Under a broad search every category is expanded: the heaviest case for a category click.
  await page.evaluate(() =>
    (globalThis as unknown as BenchWindow).__measure(() =>
      (globalThis as unknown as BenchWindow).__type('e'),
    ),
  );
  const names = await page.evaluate(() =>
    (globalThis as unknown as BenchWindow).__categoryLabels(15),
  );
  const samples: number[] = [];
  for (const name of names) {
    for (let twice = 0; twice < 2; twice++) {
      // On a loaded machine a deferred render can still be replacing the rows: wait for the box.
      await page.locator(`#picker input[aria-label="${name}"]`).waitFor();
      samples.push(
        await page.evaluate(
          (label) =>
            (globalThis as unknown as BenchWindow).__measure(() =>
              (globalThis as unknown as BenchWindow).__clickCategory(label),
            ),
          name,
        ),
      );
    }
  }
  return samples;
}

export async function runPickerBench(): Promise<PickerResult[]> {
  await build({ configFile: fileURLToPath(new URL('./picker/vite.config.ts', import.meta.url)) });
  const server = await serveDirectory(fileURLToPath(new URL('./.out/picker', import.meta.url)));
  const browser = await launchChromium();
  const results: PickerResult[] = [];
  try {
    for (const [label, scale, goal] of [
      ['EMQX v5 (291 endpoints)', 1, 50],
      ['synthetic x10 (2,910 endpoints)', 10, 100],
    ] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${server.url}?scale=${scale}`);
      await page.getByRole('searchbox', { name: 'Search APIs' }).waitFor();
      await page.addScriptTag({ content: MEASURE });
      await keystrokes(page); // warm-up: JIT and first renders do not count
      const typed = await keystrokes(page);
      const clicked = await categoryClicks(page);
      for (const [interaction, samples] of [
        ['keystroke in search → rows painted', typed],
        ['category checkbox → painted', clicked],
      ] as const) {
        results.push({
          catalog: label,
          interaction,
          samples: samples.length,
          p50: percentile(samples, 50),
          p95: percentile(samples, 95),
          goalMs: goal,
        });
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
