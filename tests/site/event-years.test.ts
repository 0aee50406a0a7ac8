/**
 * /evenements/ by year, on the shipped and fixture builds: every event once on
 * the page of its year, the year pages chained and all listed, and the first
 * page showing the latest whole years.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check.ts';
import { FIRST_PAGE_EVENTS } from '../../src/data/event-years.ts';

const root = resolve(import.meta.dirname, '../..');

describe.each([
  ['shipped', () => inject('shippedDist'), resolve(root, 'content')],
  ['fixture', () => inject('fixtureDist'), resolve(root, 'tests/fixtures/content')],
])('%s events by year', (_name, dist, content) => {
  const events = checkContent(content).entries.filter((e) => e.collection === 'events');
  const load = (p: string) => cheerio.load(readFileSync(join(dist(), p), 'utf8'));
  const years = () => readdirSync(join(dist(), 'evenements/annees')).sort();
  const pageOf = (year: string) => `evenements/annees/${year}/index.html`;
  const linksOn = ($: cheerio.CheerioAPI) => $('.event-index a.event-index-title').map((_, a) => $(a).attr('href')).get();

  it('lists every event once, on the page of its year', () => {
    const found = new Map<string, string[]>();
    for (const year of years()) for (const href of linksOn(load(pageOf(year)))) found.set(href, [...(found.get(href) ?? []), year]);
    expect(found.size).toBe(events.length);
    for (const e of events) expect(found.get(`/evenements/${e.slug}/`), e.slug).toEqual([String((e.data as { date: string }).date).slice(0, 4)]);
  });

  it('chains the year pages, lists every year on each, and keeps each light', () => {
    const all = years();
    all.forEach((y, i) => {
      const $ = load(pageOf(y));
      expect($('a[rel="prev"]').first().attr('href') ?? null, y).toBe(i > 0 ? `/evenements/annees/${all[i - 1]}/` : null);
      expect($('a[rel="next"]').first().attr('href') ?? null, y).toBe(i < all.length - 1 ? `/evenements/annees/${all[i + 1]}/` : null);
      expect($('#archives-annees ~ ul a').map((_, a) => $(a).attr('href')).get(), y).toEqual(all.map((x) => `/evenements/annees/${x}/`));
      expect(gzipSync(readFileSync(join(dist(), pageOf(y))), { level: 9 }).length, y).toBeLessThan(100 * 1024);
    });
  });

  it('shows the latest whole years on /evenements/, enough to hold the minimum', () => {
    const all = years();
    const $ = load('evenements/index.html');
    const shown = $('main h2[id^="annee-"]').map((_, h) => $(h).text()).get();
    expect(shown).toEqual([...all].reverse().slice(0, shown.length));
    const count = (y: string) => linksOn(load(pageOf(y))).length;
    expect(linksOn($)).toHaveLength(shown.reduce((n, y) => n + count(y), 0));
    if (shown.length < all.length) expect(linksOn($).length - count(shown.at(-1)!)).toBeLessThan(FIRST_PAGE_EVENTS);
    else expect(linksOn($)).toHaveLength(events.length);
  });
});

describe.each([
  ['shipped', () => inject('shippedDist'), resolve(root, 'content')],
  ['fixture', () => inject('fixtureDist'), resolve(root, 'tests/fixtures/content')],
])('%s kinds by year', (_name, dist, content) => {
  const events = checkContent(content).entries.filter((e) => e.collection === 'events');
  const kinds = [...new Set(events.map((e) => String((e.data as { kind: string }).kind)))];
  const load = (p: string) => cheerio.load(readFileSync(join(dist(), p), 'utf8'));
  const eventLinks = ($: cheerio.CheerioAPI) => [...new Set($('main .timeline a[href^="/evenements/"]').map((_, a) => $(a).attr('href')).get())];

  it('puts each event of a kind once on its year page, and the latest years on the kind’s page', () => {
    for (const kind of kinds) {
      const years = readdirSync(join(dist(), 'types', kind)).filter((f) => /^\d{4}$/.test(f)).sort();
      const expected = events.filter((e) => (e.data as { kind: string }).kind === kind);
      const found = years.flatMap((y) => eventLinks(load(`types/${kind}/${y}/index.html`)).map((href) => [href, y] as const));
      expect(found.map(([href]) => href).sort(), kind).toEqual(expected.map((e) => `/evenements/${e.slug}/`).sort());
      for (const [href, y] of found) expect(String((expected.find((e) => `/evenements/${e.slug}/` === href)!.data as { date: string }).date).slice(0, 4)).toBe(y);
      const first = eventLinks(load(`types/${kind}/index.html`));
      const newestYears = [...years].reverse();
      let shown = 0, n = 0;
      while (shown < first.length) shown += eventLinks(load(`types/${kind}/${newestYears[n++]}/index.html`)).length;
      expect(shown, kind).toBe(first.length);
      expect(first.length >= Math.min(FIRST_PAGE_EVENTS, expected.length), kind).toBe(true);
    }
  });
});
