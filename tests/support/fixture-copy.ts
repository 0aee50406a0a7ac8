/**
 * Throwaway copies of the fictional fixture tree (tests/fixtures/content/) for
 * tests that break one thing and read the checker's message.
 */
import { afterEach } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIXTURE = resolve(import.meta.dirname, '../fixtures/content');

/** Returns `copy()`, giving a fresh content folder each call; all are removed after each test. */
export function fixtureCopies(prefix = 'veille-check-'): () => string {
  const temps: string[] = [];
  afterEach(() => {
    for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const root = mkdtempSync(join(tmpdir(), prefix));
    temps.push(root);
    cpSync(FIXTURE, join(root, 'content'), { recursive: true });
    return join(root, 'content');
  };
}

/** Replaces text in a file; fails loudly when the text is not there (a stale test setup). */
export function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`test setup: « ${String(from)} » not found in ${file}`);
  writeFileSync(file, next);
}
