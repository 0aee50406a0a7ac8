/**
 * The shipped timeline pages by month: page weights (home page HTML + CSS at
 * most 60 KB gzipped, each month page under 100 KB), every month with an
 * archive page chained by previous/next links, and articles folded under
 * their event with their count.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check.ts';

const dist = () => inject('shippedDist');
const read = (p: string) => readFileSync(join(dist(), p));
const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
const load = (p: string) => cheerio.load(read(p));

/** Stylesheets a page links to, from dist. */
const cssOf = (html: string) => [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => read(m[1]!.replace(/^\//, '')));

/** Every month page of the main dossier, « AAAA/MM ». */
const monthPages = () =>
  readdirSync(join(dist(), 'chronologie'))
    .filter((y) => /^\d{4}$/.test(y))
    .flatMap((y) => readdirSync(join(dist(), 'chronologie', y)).map((m) => `${y}/${m}`))
    .sort();

describe('timeline page weight', () => {
  it('keeps the home page at most 60 KB of gzipped HTML and CSS', () => {
    const html = read('index.html');
    const css = cssOf(html.toString());
    const total = gz(html) + css.reduce((n, c) => n + gz(c), 0);
    expect(total).toBeGreaterThan(1000);
    expect(total).toBeLessThanOrEqual(60 * 1024);
  });

  it('keeps every archive month page under 100 KB of gzipped HTML', () => {
    const months = monthPages();
    expect(months.length).toBeGreaterThan(1);
    const heavy = months.map((m) => [m, gz(read(`chronologie/${m}/index.html`))] as const).filter(([, size]) => size >= 100 * 1024);
    expect(heavy).toEqual([]);
  });
});

describe('timeline by month', () => {
  it('chains every month page to its neighbours, and lists every month on the first page', () => {
    const months = monthPages();
    months.forEach((m, i) => {
      const $ = load(`chronologie/${m}/index.html`);
      expect($('a[rel="prev"]').first().attr('href') ?? null, m).toBe(i > 0 ? `/chronologie/${months[i - 1]}/` : null);
      expect($('a[rel="next"]').first().attr('href') ?? null, m).toBe(i < months.length - 1 ? `/chronologie/${months[i + 1]}/` : null);
      expect($('.timeline-archive a[aria-current="page"]').attr('href'), m).toBe(`/chronologie/${m}/`);
    });
    const home = load('index.html');
    expect(home('.timeline-archive a').map((_, a) => home(a).attr('href')).get()).toEqual(months.map((m) => `/chronologie/${m}/`));
  });

  it('shows the most recent months first on the home page and the earliest on /chronologie/, each a part of the whole', () => {
    const months = monthPages().map((m) => m.replace('/', '-'));
    const shown = (p: string) => load(p)('.timeline-month > h2').map((_, h) => h.attribs.id!.replace('mois-', '')).get();
    const newest = shown('index.html');
    const oldest = shown('chronologie/index.html');
    expect(newest[0]).toBe(months.at(-1));
    expect(oldest[0]).toBe(months[0]);
    expect(newest.length).toBeLessThan(months.length);
    expect(newest).toEqual([...newest].sort().reverse());
    expect(oldest).toEqual([...oldest].sort());
  });

  it('folds the articles about an event under it with their count, and puts every event and article of the dossier on exactly one month page', () => {
    const events = new Set<string>();
    const articles: string[] = [];
    for (const m of monthPages()) {
      const $ = load(`chronologie/${m}/index.html`);
      $('.timeline-item.is-event').each((_, li) => {
        events.add($(li).find('a.title').attr('href')!);
        const folded = $(li).find('details.folded li');
        if (folded.length) expect($(li).find('details.folded > summary').text()).toMatch(new RegExp(`^${folded.length} articles? de presse`));
        folded.each((_, a) => void articles.push($(a).find('a').attr('href')!));
      });
      $('.timeline-item.is-coverage a.title').each((_, a) => void articles.push($(a).attr('href')!));
    }
    const { entries } = checkContent(join(import.meta.dirname, '../../content'));
    const main = entries.find((e) => e.collection === 'dossiers' && e.data.main)!.slug;
    const inMain = (collection: string, also: (d: Record<string, any>) => boolean = () => false) =>
      entries.filter((e) => e.collection === collection && (e.data.dossier === main || also(e.data))).length;
    expect(events.size).toBe(inMain('events', (d) => d.related.includes(main)));
    expect(articles.length).toBe(inMain('coverage'));
    expect(new Set(articles).size).toBe(articles.length);
  });

  it('pages the other dossiers the same way', () => {
    const dossiers = readdirSync(join(dist(), 'dossiers')).filter((d) => existsSync(join(dist(), 'dossiers', d, 'chronologie/index.html')));
    expect(dossiers.length).toBeGreaterThan(0);
    for (const d of dossiers) {
      const $ = load(`dossiers/${d}/index.html`);
      const links = $('.timeline-archive a').map((_, a) => $(a).attr('href')!).get();
      expect(links.length, d).toBeGreaterThan(0);
      for (const l of links) {
        expect(l, d).toMatch(new RegExp(`^/dossiers/${d}/\\d{4}/\\d{2}/$`));
        expect(existsSync(join(dist(), l, 'index.html')), l).toBe(true);
      }
    }
  });
});
