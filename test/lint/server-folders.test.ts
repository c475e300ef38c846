import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No two server folders import each other, directly or round a longer loop: each folder is a
 * layer or a domain that the ones above it may use, never the other way (a file at server/'s top
 * level, such as config.ts, counts as a folder of its own). Tests are left out: they may reach
 * anywhere.
 */
const SERVER = path.resolve('server');
const IMPORT = /^(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The server folder (or top-level file) a path belongs to; undefined outside server/. */
function unitOf(file: string): string | undefined {
  const relative = path.relative(SERVER, file);
  if (relative.startsWith('..')) return undefined;
  const [first] = relative.split(path.sep);
  return first!.replace(/\.ts$/, '');
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SERVER)) {
    const from = unitOf(file)!;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const to = unitOf(path.resolve(path.dirname(file), specifier!));
      if (to && to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Every loop in the graph, each as the path that closes it (a -> b -> a). */
function loops(graph: Map<string, Set<string>>): string[] {
  const found = new Set<string>();
  const visit = (node: string, trail: string[]) => {
    for (const next of graph.get(node) ?? []) {
      const at = trail.indexOf(next);
      if (at !== -1) found.add([...trail.slice(at), next].join(' -> '));
      else visit(next, [...trail, next]);
    }
  };
  for (const start of graph.keys()) visit(start, [start]);
  return [...found].sort();
}

describe('server folders', () => {
  it('import each other in one direction only (no loops)', () => {
    const graph = folderGraph();
    expect(graph.size).toBeGreaterThan(15);
    expect(loops(graph)).toEqual([]);
  });

  it('finds a loop when there is one (the check itself)', () => {
    const graph = new Map([
      ['auth', new Set(['users'])],
      ['users', new Set(['kernel', 'auth'])],
      ['kernel', new Set<string>()],
    ]);
    expect(loops(graph)).toContain('auth -> users -> auth');
  });
});
