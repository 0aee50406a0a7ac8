/**
 * The ways in: /evenements/, /types/ and /dossiers/ read without JavaScript and
 * pass axe; the header stays one row on a laptop and under a quarter of a phone
 * screen; key-figure cards never cut a word nor overflow, from 320 to 1920 px.
 */
import { resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { EVENT_KINDS } from '../../src/schemas/vocabulary.ts';

const base = () => inject('siteUrl');
const { browser } = useBrowser();
const { entries } = checkContent(resolve(import.meta.dirname, '../../content'));
const events = entries.filter((e) => e.collection === 'events');
const dossiers = entries.filter((e) => e.collection === 'dossiers');

async function open(path: string, options: { width?: number; height?: number; js?: boolean } = {}): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 }, javaScriptEnabled: options.js ?? false });
  const page = await context.newPage();
  await page.goto(`${base()}${path}`);
  return page;
}
const close = (page: Page) => page.context().close();

describe('index pages, without JavaScript', () => {
  it('/evenements/ lists every event newest first, by year and month, with its kind, its dossier and links to /types/', async () => {
    const page = await open('/evenements/');
    const links = await page.locator('.event-index li a.event-index-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(links)).toEqual(new Set(events.map((e) => `/evenements/${e.slug}/`)));
    const years = await page.locator('main h2[id^="annee-"]').allTextContents();
    expect(years).toEqual([...years].sort().reverse());
    expect(await page.locator('main h3').count()).toBeGreaterThan(years.length);
    const days = await page.locator('.event-index time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!.slice(0, 7)));
    expect(days).toEqual([...days].sort().reverse());
    expect(await page.locator('.event-index li .kind').count()).toBe(events.length);
    expect(await page.locator('.event-index li a[href^="/dossiers/"]').count()).toBe(events.length);
    expect(await page.locator('nav a[href^="/types/"]').count()).toBeGreaterThan(1);
    await close(page);
  });

  it('/types/ lists every kind with its count, and each link leads to that many events', async () => {
    const page = await open('/types/');
    for (const [kind, label] of Object.entries(EVENT_KINDS)) {
      const card = page.locator('.card-list li', { has: page.locator(`a[href="/types/${kind}/"]`) });
      const count = events.filter((e) => e.data.kind === kind).length;
      expect(await card.textContent(), kind).toContain(label);
      expect(await card.textContent(), kind).toContain(`${count} événement`);
    }
    await close(page);
  });

  it('/dossiers/ lists every dossier, the main one first, with period, counts, organisations and one line', async () => {
    const page = await open('/dossiers/');
    const hrefs = await page.locator('.dossier-card h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(hrefs)).toEqual(new Set(dossiers.map((d) => `/dossiers/${d.slug}/`)));
    expect(hrefs[0]).toBe(`/dossiers/${dossiers.find((d) => d.data.main)!.slug}/`);
    for (const card of await page.locator('.dossier-card').all()) {
      const text = (await card.textContent())!;
      expect(text).toMatch(/Période\s*(depuis le|du) /);
      expect(text).toMatch(/\d+ événements?, \d+ articles?/);
      expect(await card.locator('a[href^="/organisations/"]').count()).toBeGreaterThan(0);
    }
    await close(page);
  });

  it('are reached from the header (Dossiers) and from each other', async () => {
    const page = await open('/');
    await page.locator('.site-nav a', { hasText: 'Dossiers' }).click();
    await page.waitForURL(/\/dossiers\/$/);
    expect(await page.locator('.site-nav a[aria-current="page"]').textContent()).toBe('Dossiers');
    await close(page);
  });

  it('find no axe violation (WCAG 2.1 A and AA), light and dark', async () => {
    const report: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      // axe runs as a script in the page: this context keeps JavaScript on (the pages themselves need none, tested above).
      const context = await browser().newContext({ colorScheme });
      const page = await context.newPage();
      for (const path of ['/evenements/', '/types/', '/dossiers/']) {
        await page.goto(`${base()}${path}`);
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        for (const v of result.violations) report.push(`${colorScheme} ${path}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
      }
      await context.close();
    }
    expect(report).toEqual([]);
  }, 300_000);
});

describe('header', () => {
  const pages = ['/', '/dossiers/', '/evenements/', '/suis-je-concerne/', '/revue-de-presse/', '/organisations/'];

  it('is one row at 1280 px: brand, every nav link and the search box side by side', async () => {
    for (const path of pages) {
      const page = await open(path, { js: true });
      const tops = await page.evaluate(() => ['.brand', '.site-nav li:first-child a', '.site-nav li:last-child a', '.search-slot'].map((s) => {
        const r = document.querySelector(s)!.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      }));
      const firstBottom = Math.min(...tops.map((t) => t.bottom));
      expect(tops.every((t) => t.top < firstBottom), `${path} ${JSON.stringify(tops)}`).toBe(true);
      await close(page);
    }
  });

  it('takes at most a quarter of a 375 × 812 phone screen', async () => {
    for (const path of pages) {
      const page = await open(path, { width: 375, height: 812, js: true });
      const height = await page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height);
      expect(height, path).toBeLessThanOrEqual(812 / 4);
      await close(page);
    }
  });
});

describe('key-figure cards', () => {
  /** Words of the cards that overflow their card or are cut across two lines (a hyphen is allowed to cut). */
  const problems = (page: Page) =>
    page.evaluate(() => {
      const found: string[] = [];
      for (const card of document.querySelectorAll<HTMLElement>('.figures .figure')) {
        const box = card.getBoundingClientRect();
        const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (const m of text.matchAll(/[^\s\u00a0\-‐–—/]+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index!);
            range.setEnd(node, m.index! + m[0].length);
            const rects = [...range.getClientRects()].filter((r) => r.width > 0);
            if (rects.length > 1) found.push(`coupé : « ${m[0]} »`);
            if (rects.some((r) => r.right > box.right + 0.5 || r.left < box.left - 0.5)) found.push(`déborde : « ${m[0]} »`);
          }
        }
      }
      return found;
    });

  for (const width of [320, 768, 1280, 1920]) {
    it(`cut no word and overflow nothing at ${width} px`, async () => {
      const page = await open('/', { width, height: 900 });
      expect(await page.locator('.figures .figure').count()).toBeGreaterThan(0);
      expect(await problems(page)).toEqual([]);
      await close(page);
    });
  }
});
