/**
 * The house rules that keep the layers apart (DESIGN §1): imports point core ← storage ← server
 * and core ← web; core imports no I/O or UI; nothing runs code from strings. pnpm's strict
 * node_modules already refuses undeclared packages; this test also catches Node built-ins,
 * relative paths that reach into another package, and declared-but-forbidden packages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (!fs.existsSync(current)) continue;
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
    }
  }
  return out;
}

const importPattern = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(importPattern)].map((m) => (m[1] ?? m[2])!);
}

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const isBuiltin = (spec: string) => spec.startsWith('node:') || builtins.has(spec.split('/')[0]!);

interface Layer {
  dir: string;
  forbidden: (spec: string) => boolean;
  includeTests: boolean;
}

const ioAndUi = ['fastify', '@fastify/', 'kysely', 'better-sqlite3', 'pg', 'react', 'react-dom', 'ag-grid', 'echarts'];
const startsWithAny = (spec: string, prefixes: string[]) =>
  prefixes.some((p) => spec === p || spec.startsWith(p.endsWith('/') ? p : `${p}/`) || (p.endsWith('/') && spec.startsWith(p)));

const layers: Record<string, Layer> = {
  'packages/core': {
    dir: 'packages/core/src',
    includeTests: false,
    forbidden: (s) => isBuiltin(s) || startsWithAny(s, ioAndUi) || s.startsWith('@multitable/'),
  },
  'packages/storage': {
    dir: 'packages/storage/src',
    includeTests: true,
    forbidden: (s) => startsWithAny(s, ['fastify', '@fastify/', 'react', 'react-dom']) || ['@multitable/server', '@multitable/web'].includes(s),
  },
  'apps/server': {
    dir: 'apps/server/src',
    includeTests: true,
    forbidden: (s) => startsWithAny(s, ['react', 'react-dom']) || s === '@multitable/web',
  },
  'apps/web': {
    dir: 'apps/web/src',
    includeTests: true,
    forbidden: (s) =>
      isBuiltin(s) || startsWithAny(s, ['fastify', '@fastify/', 'kysely', 'better-sqlite3', 'pg']) || ['@multitable/storage', '@multitable/server'].includes(s),
  },
};

describe('layering', () => {
  for (const [name, layer] of Object.entries(layers)) {
    it(`${name} imports only what its layer may`, () => {
      const packageRoot = path.join(root, name);
      const violations: string[] = [];
      for (const file of sourceFiles(path.join(root, layer.dir))) {
        const isTest = /\.test\.tsx?$/.test(file) || file.endsWith('test-support.ts');
        if (isTest && !layer.includeTests) continue;
        for (const spec of importsOf(file)) {
          const escapes = spec.startsWith('.') && !path.resolve(path.dirname(file), spec).startsWith(packageRoot + path.sep);
          if (layer.forbidden(spec) || escapes) violations.push(`${path.relative(root, file)} → ${spec}`);
        }
      }
      expect(violations).toEqual([]);
    });
  }

  it('finds the import statements it checks', () => {
    // Guards the checker itself: if the pattern broke, every layer would pass vacuously.
    const sample = importsOf(path.join(root, 'packages/storage/src/migrations/runner.ts'));
    expect(sample).toContain('kysely');
    expect(sample).toContain('@multitable/core');
  });
});

describe('no code from strings', () => {
  it('uses no eval, Function constructor or node:vm anywhere in the sources', () => {
    const offenders: string[] = [];
    const forbidden = [/\beval\s*\(/, /\bnew\s+Function\s*\(/, /['"]node:vm['"]/, /['"]vm['"]/];
    for (const dir of ['packages', 'apps']) {
      for (const file of sourceFiles(path.join(root, dir))) {
        if (file.endsWith('imports.test.ts')) continue;
        const text = fs.readFileSync(file, 'utf8');
        // Test files may mention the words in strings they feed to the formula engine.
        if (/\.test\.tsx?$/.test(file)) continue;
        if (forbidden.some((re) => re.test(text))) offenders.push(path.relative(root, file));
      }
    }
    expect(offenders).toEqual([]);
  });
});
