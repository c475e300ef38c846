import { describe, expect, it } from 'vitest';
import { en } from './en';
import { enConsole } from './en-console';
import { zhCN } from './zh-CN';
import { zhCNConsole } from './zh-CN-console';

/** Every key path of a strings object (`audit.actions.user.create`). */
function keyPaths(strings: object, prefix = ''): string[] {
  return Object.entries(strings).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value as object, `${prefix}${key}.`),
  );
}

const featureBundles = import.meta.glob<Record<string, object>>('../../features/*/locales/en.ts', { eager: true });
const sharedBundles = import.meta.glob<Record<string, object>>('../../locales/en*.ts', { eager: true });

describe('the strings the app assembles from the shared ones and each feature’s', () => {
  it('takes every feature’s strings, and no block is owned twice (a spread would drop one silently)', () => {
    const owners = new Map<string, string[]>();
    for (const [file, module] of Object.entries({ ...sharedBundles, ...featureBundles })) {
      for (const strings of Object.values(module)) {
        for (const block of Object.keys(strings)) owners.set(block, [...(owners.get(block) ?? []), file]);
      }
    }
    // A shared block may have a first-screen part and a console part (i18next merges them); a
    // feature's block is its own alone.
    const twice = [...owners].filter(([, files]) => files.length > 1 && !files.every((file) => file.startsWith('../../locales/')));
    expect(twice).toEqual([]);
    const assembled = new Set([...Object.keys(en), ...Object.keys(enConsole)]);
    expect([...owners.keys()].filter((block) => !assembled.has(block))).toEqual([]);
  });

  it('has the same keys in Simplified Chinese as in English', () => {
    expect(keyPaths(zhCN).sort()).toEqual(keyPaths(en).sort());
    expect(keyPaths(zhCNConsole).sort()).toEqual(keyPaths(enConsole).sort());
  });
});
