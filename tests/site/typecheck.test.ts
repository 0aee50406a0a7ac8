/** `npm run check` in the suite: content validation and the strict type check of every file (astro check). */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

it('passes npm run check (content and types) with no error or warning', () => {
  const root = resolve(import.meta.dirname, '../..');
  const result = spawnSync('npm', ['run', '--silent', 'check'], { cwd: root, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(output).toMatch(/Contenu valide : \d+ entrées/);
  expect(output).toMatch(/0 errors\s+- 0 warnings/);
  expect(result.status, output.slice(-3000)).toBe(0);
}, 240_000);
