/**
 * No import cycles in the code the bot runs (src/ and commands/). A cycle makes what a module sees at load
 * time depend on which module was imported first (the reveal worker loads a different first module than
 * the bot does), so a cycle can work in one and fail in the other. Only imports that survive compilation
 * count: `import type` and `export type … from` are erased (verbatimModuleSyntax keeps everything else).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const FOLDERS = ['src', 'commands'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `import … from './x.js'`, `export … from './x.js'` and `import './x.js'`, unless type-only. */
const STATIC_IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

/** The relative imports of one file that load another module at run time, as absolute .ts paths. */
function runtimeImports(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(STATIC_IMPORT)) {
    if (match[2] !== undefined) continue;
    const target = resolve(dirname(file), match[3]!.replace(/\.js$/, '.ts').replace(/\.mjs$/, '.mts'));
    found.push(target);
  }
  return found;
}

/** One cycle in the graph, as a list of files from a module back to itself, or undefined when there is none. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
      if (state.get(next) === undefined) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    if (state.get(node) !== undefined) continue;
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('imports', () => {
  it('finds a cycle when there is one, and reads type-only imports as erased', () => {
    const a = '/x/a.ts';
    const text = "import { b } from './b.js';\nimport type { C } from './c.js';\nexport { d } from './d.js';\nexport type { E } from './e.js';\nimport './f.js';";
    expect(runtimeImports(a, text)).toEqual(['/x/b.ts', '/x/d.ts', '/x/f.ts']);
    expect(findCycle(new Map([[a, ['/x/b.ts']], ['/x/b.ts', ['/x/c.ts']], ['/x/c.ts', [a]]]))).toEqual([a, '/x/b.ts', '/x/c.ts', a]);
    expect(findCycle(new Map([[a, ['/x/b.ts']], ['/x/b.ts', []]]))).toBeUndefined();
  });

  it('form no cycle in src/ and commands/', () => {
    const files = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)));
    expect(files.length).toBeGreaterThan(100);
    const graph = new Map(files.map((file) => [file, runtimeImports(file, readFileSync(file, 'utf8'))]));
    const cycle = findCycle(graph);
    expect(cycle?.map((file) => relative(ROOT, file)).join(' → ')).toBeUndefined();
  });
});
