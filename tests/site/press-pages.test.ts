/**
 * The press review by month, on the shipped and fixture builds: every reviewed
 * article on the page of its month with its anchor, the month pages chained by
 * previous/next links and all listed, the first page showing the latest months,
 * every page light, and search results leading to an anchor that exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check.ts';
import { isReviewed } from '../../src/lib/press.ts';
import { FIRST_PAGE_ARTICLES } from '../../src/data/press.ts';

const root = resolve(import.meta.dirname, '../..');
/** « AAAA-MM » in Paris of a stored date (independent of the site's code). */
const parisMonth = (stored: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(
    new Date(/T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})$/.test(stored) ? stored : `${stored.slice(0, 10)}T12:00:00+01:00`),
  );

describe.each([
  ['shipped', () => inject('shippedDist'), resolve(root, 'content')],
  ['fixture', () => inject('fixtureDist'), resolve(root, 'tests/fixtures/content')],
])('%s press review', (_name, dist, content) => {
  const articles = checkContent(content).entries.filter((e) => e.collection === 'coverage' && isReviewed(e.data as never));
  const load = (p: string) => cheerio.load(readFileSync(join(dist(), p), 'utf8'));
  const monthPages = () =>
    readdirSync(join(dist(), 'revue-de-presse'))
      .filter((y) => /^\d{4}$/.test(y))
      .flatMap((y) => readdirSync(join(dist(), 'revue-de-presse', y)).map((m) => `${y}-${m}`))
      .sort();
  const pageOf = (month: string) => `revue-de-presse/${month.replace('-', '/')}/index.html`;

  it('lists every reviewed article once, on the page of its month of publication, with its anchor', () => {
    const months = monthPages();
    const found = new Map<string, string[]>();
    for (const month of months) {
      const $ = load(pageOf(month));
      $('main li[id^="article-"]').each((_, li) => {
        const slug = $(li).attr('id')!.slice('article-'.length);
        found.set(slug, [...(found.get(slug) ?? []), month]);
      });
    }
    expect(found.size).toBe(articles.length);
    for (const a of articles) expect(found.get(a.slug), a.slug).toEqual([parisMonth(String((a.data as { publishedAt: string }).publishedAt))]);
  });

  it('chains the month pages by previous and next, and each lists every month', () => {
    const months = monthPages();
    expect(months.length).toBeGreaterThan(0);
    months.forEach((m, i) => {
      const $ = load(pageOf(m));
      const href = (k: string) => `/revue-de-presse/${k.replace('-', '/')}/`;
      expect($('a[rel="prev"]').first().attr('href') ?? null, m).toBe(i > 0 ? href(months[i - 1]!) : null);
      expect($('a[rel="next"]').first().attr('href') ?? null, m).toBe(i < months.length - 1 ? href(months[i + 1]!) : null);
      expect($('.timeline-archive a').map((_, a) => $(a).attr('href')).get(), m).toEqual(months.map(href));
      expect(gzipSync(readFileSync(join(dist(), pageOf(m))), { level: 9 }).length, m).toBeLessThan(100 * 1024);
    });
  });

  it('shows the latest whole months on its first page, enough of them to hold the minimum', () => {
    const months = monthPages();
    const $ = load('revue-de-presse/index.html');
    const shown = $('main section.press-month').map((_, s) => $(s).attr('aria-labelledby')!.replace('mois-', '')).get();
    expect(shown).toEqual([...months].reverse().slice(0, shown.length));
    const count = (month: string) => load(pageOf(month))('main li[id^="article-"]').length;
    const onFirst = $('main section.press-month li[id^="article-"]').length;
    expect(onFirst).toBe(shown.reduce((n, m) => n + count(m), 0));
    // One month fewer would not reach the minimum (or the page already holds every month).
    if (shown.length < months.length) expect(onFirst - count(shown.at(-1)!)).toBeLessThan(FIRST_PAGE_ARTICLES);
    else expect(onFirst).toBe(articles.length);
  });

  it('sends a search result for an article to its line in the press review', () => {
    // The whole documents file (loaded for facets) holds every result as the display chunks do.
    const documents = readdirSync(join(dist(), 'recherche')).find((f) => /^documents-.*\.json$/.test(f))!;
    expect(documents, 'fichier des documents de recherche').toBeTruthy();
    const docs = (JSON.parse(readFileSync(join(dist(), 'recherche', documents), 'utf8')) as { docs: { t: string; s: string; pm?: string }[] }).docs.filter((d) => d.t === 'a');
    expect(docs.length).toBe(articles.length);
    for (const d of docs) {
      expect(existsSync(join(dist(), pageOf(d.pm!))), d.s).toBe(true);
      expect(load(pageOf(d.pm!))(`#article-${d.s}`).length, d.s).toBe(1);
    }
  });
});
