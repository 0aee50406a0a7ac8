/** The shipped site in headless Chromium: navigation, reading without JavaScript, and axe-core WCAG 2.1 A/AA. */
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';

const base = () => inject('siteUrl');
const { browser, context } = useBrowser();

describe('timeline', () => {
  it('renders months, days and items, and its links lead to event and organisation pages', async () => {
    const page = await context().newPage();
    await page.goto(`${base()}/`);
    await expect.poll(() => page.locator('.timeline-month h2').count()).toBeGreaterThan(0);
    expect(await page.locator('.timeline-item.is-event').count()).toBeGreaterThan(0);
    expect(await page.locator('.figure .value').first().textContent()).toMatch(/\d/);

    const eventLink = page.locator('.timeline-item.is-event a.title').first();
    const title = (await eventLink.textContent())!.trim();
    await eventLink.click();
    await page.waitForURL(/\/evenements\/[a-z0-9-]+\/$/);
    expect((await page.locator('h1').textContent())!.trim()).toBe(title);
    expect(await page.locator('#sources + ol li').count()).toBeGreaterThan(0);

    const orgLink = page.locator('#organisations ~ ul a, ul.tags a[href^="/organisations/"]').first();
    const orgName = (await orgLink.textContent())!.trim();
    await orgLink.click();
    await page.waitForURL(/\/organisations\/[a-z0-9-]+\/$/);
    expect((await page.locator('h1').textContent())!.trim()).toBe(orgName);
    await page.close();
  });

  it('switches order with a plain link, and reads on month by month without JavaScript', async () => {
    const noJs = await browser().newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${base()}/`);
    const days = () => page.locator('.timeline-day > h3 time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    const newestFirst = await days();
    expect(newestFirst).toEqual([...newestFirst].sort().reverse());
    await page.getByRole('link', { name: "Plus ancien d'abord" }).click();
    await page.waitForURL(/\/chronologie\/$/);
    const oldestFirst = await days();
    expect(oldestFirst).toEqual([...oldestFirst].sort());
    expect(oldestFirst[0]! < newestFirst.at(-1)!).toBe(true);

    // The next month's page continues where the first page stops, and links back.
    await page.locator('a[rel="next"]').first().click();
    await page.waitForURL(/\/chronologie\/\d{4}\/\d{2}\/$/);
    const month = page.url().match(/(\d{4})\/(\d{2})\/$/)!.slice(1).join('-');
    expect((await days()).every((d) => d.startsWith(month))).toBe(true);
    expect(oldestFirst.every((d) => d < month)).toBe(true);
    await page.locator('a[rel="prev"]').first().click();
    await page.waitForURL(/\/chronologie\/\d{4}\/\d{2}\/$/);
    expect(page.url()).not.toContain(month.replace('-', '/'));

    // Articles about an event open from their count.
    const folded = page.locator('details.folded').first();
    if (await folded.count()) {
      const links = folded.locator('li a');
      expect(await links.first().isVisible()).toBe(false);
      await folded.locator('summary').click();
      expect(await links.first().isVisible()).toBe(true);
    }
    await noJs.close();
  });
});

describe('without JavaScript', () => {
  it('every page type reads and links work', async () => {
    const noJs = await browser().newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    for (const path of ['/', '/suis-je-concerne/', '/organisations/', '/revue-de-presse/', '/types/incident/', '/chiffres/', '/a-propos/']) {
      const response = await page.goto(`${base()}${path}`);
      expect(response?.status(), path).toBe(200);
      expect((await page.locator('h1').textContent())?.trim().length, path).toBeGreaterThan(0);
    }
    await page.goto(`${base()}/organisations/`);
    await page.locator('.card-list a').first().click();
    await page.waitForURL(/\/organisations\/[a-z0-9-]+\/$/);
    expect(await page.locator('h1').count()).toBe(1);
    await page.goto(`${base()}/`);
    await page.locator('form[role="search"] input[name="q"]').fill('Almerys');
    await page.locator('form[role="search"] button[type="submit"], form[role="search"] [type="submit"]').first().click();
    await page.waitForURL(/\/recherche\/\?q=Almerys/);
    await noJs.close();
  });
});

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  const pages = ['/', '/chronologie/', '/chronologie/2024/02/', '/suis-je-concerne/', '/organisations/', '/organisations/almerys/', '/organisations/harmonie-mutuelle/', '/revue-de-presse/', '/types/regulatory/', '/chiffres/', '/dossiers/france-travail-2024/', '/a-propos/', '/404.html'];
  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no violation on each page type (${scheme})`, async () => {
      const ctx = await browser().newContext({ colorScheme: scheme });
      const page = await ctx.newPage();
      await page.goto(`${base()}/`);
      const event = await page.locator('.timeline-item.is-event a.title').first().getAttribute('href');
      const org = await page.locator('ul.tags a[href^="/organisations/"]').first().getAttribute('href');
      const report: string[] = [];
      for (const path of [...pages, event!, org!]) {
        await page.goto(`${base()}${path}`);
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        for (const v of result.violations) report.push(`${path}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
      }
      expect(report).toEqual([]);
      await ctx.close();
      // Fifteen pages through axe: slow on a busy 2-core machine.
    }, 180_000);
  }
});

describe('phone width', () => {
  it('has no horizontal scroll on the timeline and an event page', async () => {
    const phone = await browser().newContext({ viewport: { width: 360, height: 740 } });
    const page = await phone.newPage();
    for (const path of ['/', '/chiffres/', '/suis-je-concerne/', '/organisations/viamedis/']) {
      await page.goto(`${base()}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await phone.close();
  });
});
