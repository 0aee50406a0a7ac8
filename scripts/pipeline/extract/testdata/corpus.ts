/** The synthetic French news pages under testdata/sites/, with what extraction must find. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

export interface SiteCase {
  name: string;
  /** Raw bytes of the page, as a server sends them. */
  bytes: Buffer;
  /** The page decoded (test helper: the fetch stage does this in the pipeline). */
  html: string;
  expected: Record<string, unknown> & { url: string; encoding?: string };
  /** Expected main text: paragraphs separated by blank lines. */
  text: string;
}

export const SITES_DIR = join(import.meta.dirname, 'sites');

export function loadCorpus(): SiteCase[] {
  return readdirSync(SITES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = join(SITES_DIR, name);
      const bytes = readFileSync(join(dir, 'page.html'));
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as SiteCase['expected'];
      const html = iconv.decode(bytes, expected.encoding ?? 'utf-8');
      return { name, bytes, html, expected, text: readFileSync(join(dir, 'expected.txt'), 'utf8').trim() };
    });
}

/** Token-level F1 of a text against the expected one (words, case-folded). */
export function textF1(got: string, expected: string): number {
  const tok = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const g = tok(got);
  const e = tok(expected);
  if (!g.length && !e.length) return 1;
  if (!g.length || !e.length) return 0;
  const counts = new Map<string, number>();
  for (const w of e) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of g) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  const p = common / g.length;
  const r = common / e.length;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}
