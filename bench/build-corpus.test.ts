/** The build benchmark's synthetic content must stay valid as the schemas move, or the benchmark measures a failing build. */
import { readFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countsFor, writeBareEntries, writeContent } from './build-corpus.ts';
import { checkContent, formatError } from '../src/lib/content-check.ts';

const dir = mkdtempSync(join(tmpdir(), 'build-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('synthetic content for bench:build', () => {
  it('passes every schema and cross-entry check, with the counts it announces', () => {
    const counts = writeContent(join(dir, 'content'), 400);
    const { entries, errors } = checkContent(join(dir, 'content'));
    expect(errors.map(formatError)).toEqual([]);
    expect(entries).toHaveLength(400);
    const of = (c: string) => entries.filter((e) => e.collection === c);
    expect(of('events')).toHaveLength(counts.events);
    expect(of('coverage')).toHaveLength(counts.coverage);
    expect(of('dossiers').filter((d) => d.data.main)).toHaveLength(1);
    // Articles fold under events and organisations relate, as on the real site.
    expect(of('coverage').filter((c) => c.data.event).length).toBeGreaterThan(counts.coverage / 2);
    expect(of('organizations').some((o) => (o.data.relations as unknown[]).length > 0)).toBe(true);
  });

  it('sizes every collection from the entry count', () => {
    for (const size of [1000, 5000, 20000]) {
      const c = countsFor(size);
      expect(c.dossiers + c.events + c.coverage + c.organizations + c.publishers).toBe(size);
      expect(c.coverage).toBeGreaterThan(0);
    }
  });

  it('writes the baseline pages, as MDX or as Markdown with the same text', () => {
    writeBareEntries(join(dir, 'bare'), 25);
    writeBareEntries(join(dir, 'bare-md'), 25, 'md');
    const mdx = readdirSync(join(dir, 'bare')).sort();
    expect(mdx.filter((f) => f.endsWith('.mdx'))).toHaveLength(25);
    expect(readdirSync(join(dir, 'bare-md')).sort()).toEqual(mdx.map((f) => f.replace(/\.mdx$/, '.md')));
    expect(readFileSync(join(dir, 'bare-md', 'page-3.md'), 'utf8')).toBe(readFileSync(join(dir, 'bare', 'page-3.mdx'), 'utf8'));
  });
});
