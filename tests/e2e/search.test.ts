/**
 * Search in headless Chromium over the shipped build: the header combobox
 * (type, results, keyboard, open one), the /recherche/ page (facets, a shared
 * address reproduces the results, Back), without JavaScript, the weight shipped
 * before any interaction, and axe-core on the open search UI.
 */
import { gzipSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';

const base = () => inject('siteUrl');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const { browser, context } = useBrowser({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });

const box = (page: Page) => page.locator('#site-search');
const popup = (page: Page) => page.locator('#site-search-popup');
const options = (page: Page) => page.locator('#site-search-listbox [role="option"]');
const activeOption = (page: Page) => page.locator('#site-search-listbox [role="option"][aria-selected="true"]');

/** Result links of the /recherche/ page, in order. */
const resultLinks = (page: Page) => page.locator('[data-results] .vf-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

async function typeInBox(page: Page, text: string) {
  await page.keyboard.press('/');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('site-search');
  await page.keyboard.type(text, { delay: 20 });
  await expect.poll(() => box(page).getAttribute('aria-expanded')).toBe('true');
}

describe('header search box', () => {
  it('shows grouped, highlighted results as you type and follows the combobox keyboard pattern', async () => {
    const page = await context().newPage();
    await page.goto(`${base()}/`);
    expect(await box(page).getAttribute('aria-keyshortcuts')).toBe('/');
    await typeInBox(page, 'almeris');

    await expect.poll(() => options(page).count()).toBeGreaterThan(1);
    expect(await box(page).getAttribute('role')).toBe('combobox');
    expect(await box(page).getAttribute('aria-controls')).toBe('site-search-listbox');
    // The best result first: the organisation, found despite the typo, its name highlighted.
    expect(await options(page).first().locator('.vf-title').textContent()).toBe('Almerys');
    expect(await options(page).first().locator('mark').textContent()).toBe('Almerys');
    const groups = await page.locator('#site-search-listbox [role="group"]').evaluateAll((gs) =>
      gs.map((g) => document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent ?? ''),
    );
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.join(' ')).toMatch(/Organisations/);
    expect(groups.join(' ')).toMatch(/Événements|Articles/);
    // Dates, kinds and organisations in the meta line.
    expect(await page.locator('#site-search-listbox time').count()).toBeGreaterThan(0);

    // Down, Down, Up: the active option follows, announced through aria-activedescendant.
    await page.keyboard.press('ArrowDown');
    const first = await options(page).nth(0).getAttribute('id');
    expect(await box(page).getAttribute('aria-activedescendant')).toBe(first);
    await page.keyboard.press('ArrowDown');
    expect(await box(page).getAttribute('aria-activedescendant')).toBe(await options(page).nth(1).getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    expect(await box(page).getAttribute('aria-activedescendant')).toBe(first);
    expect(await activeOption(page).count()).toBe(1);
    // Focus never left the field.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');

    // Escape closes, then clears; Down reopens.
    await page.keyboard.press('Escape');
    expect(await box(page).getAttribute('aria-expanded')).toBe('false');
    expect(await popup(page).isHidden()).toBe(true);
    expect(await box(page).getAttribute('aria-activedescendant')).toBeNull();
    await page.keyboard.press('ArrowDown');
    expect(await box(page).getAttribute('aria-expanded')).toBe('true');
    expect(await box(page).getAttribute('aria-activedescendant')).toBe(first);

    // Enter opens the active option.
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/organisations\/almerys\/$/);
    expect((await page.locator('h1').textContent())?.trim()).toBe('Almerys');
    await page.close();
  });

  it('opens an event with the mouse, and Enter without an active option goes to the results page', async () => {
    const page = await context().newPage();
    await page.goto(`${base()}/`);
    await typeInBox(page, 'hameçonnage');
    const option = options(page).filter({ hasText: /hameçonnage/i }).first();
    const href = await option.getAttribute('data-href');
    expect(href).toMatch(/^\/evenements\/[a-z0-9-]+\/$/);
    await option.click();
    await page.waitForURL(`${base()}${href}`);

    await typeInBox(page, 'securite sociale');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/recherche\/\?q=securite\+sociale$/);
    await expect.poll(() => page.locator('[data-results] .vf-item').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('says when nothing matches and offers suggestions', async () => {
    const page = await context().newPage();
    await page.goto(`${base()}/a-propos/`);
    await typeInBox(page, 'xylophone');
    await expect.poll(() => page.locator('#site-search-summary').textContent()).toMatch(/Aucun résultat pour «\s*xylophone\s*»/);
    expect(await page.locator('#site-search-listbox [role="group"]').count()).toBe(1);
    const suggestion = options(page).first();
    const name = (await suggestion.textContent())!;
    await suggestion.click();
    expect(await box(page).inputValue()).toBe(name);
    await expect.poll(() => page.locator('#site-search-summary').textContent()).toMatch(/résultat/);
    await page.close();
  });

  it('ships at most 5 KB of gzipped JavaScript before interaction, and loads the rest on focus, then only the index shards a query needs', async () => {
    const page = await context().newPage();
    const scripts = new Map<string, number>();
    const data: string[] = [];
    page.on('response', async (response) => {
      const url = response.url();
      if (url.endsWith('.json')) data.push(url);
      if (response.request().resourceType() === 'script') scripts.set(url, gzipSync(await response.body()).length);
    });
    await page.goto(`${base()}/`, { waitUntil: 'networkidle' });
    const inline = await page.locator('script:not([src])').evaluateAll((ss) => ss.map((s) => s.textContent ?? '').join(''));
    const before = [...scripts.values()].reduce((a, b) => a + b, 0) + gzipSync(inline).length;
    expect(before).toBeLessThanOrEqual(5 * 1024);
    expect([...scripts.keys()].some((u) => /combobox|worker|service/.test(u))).toBe(false);
    expect(data).toEqual([]);

    await box(page).focus();
    await expect.poll(() => [...scripts.keys()].some((u) => /combobox/.test(u))).toBe(true);
    await page.keyboard.type('cnil');
    // The split index: the meta file, the « c » words, the « cn » postings, the chunks of the results (and the names to suggest while a
    // first letter matches nothing); never the whole documents file.
    await expect.poll(() => data.some((u) => /\/recherche\/docs-\d+-[a-z]{12}\.json$/.test(u))).toBe(true);
    expect(data.every((u) => /\/recherche\/(meta|noms|mots-[a-z0-9]|postes-[a-z0-9]{1,2}|docs-\d+)-[a-z]{12}\.json$/.test(u)), data.join('\n')).toBe(true);
    expect(data.filter((u) => /\/(meta|mots-c|postes-cn)-/.test(u))).toHaveLength(3);
    console.info(`JavaScript avant interaction sur / : ${before} octets gzip (${[...scripts.keys()].length} fichier(s))`);
    await page.close();
  });
});

describe('without Web Workers', () => {
  it('runs the same search in the page', async () => {
    const ctx = await browser().newContext({ locale: 'fr-FR' });
    await ctx.addInitScript(() => {
      (window as unknown as { Worker: unknown }).Worker = function NoWorker() {
        throw new Error('workers disabled');
      };
    });
    const page = await ctx.newPage();
    await page.goto(`${base()}/`);
    await typeInBox(page, 'almeris');
    await expect.poll(() => options(page).first().locator('.vf-title').textContent()).toBe('Almerys');
    await ctx.close();
  });
});

describe('/recherche/ page', () => {
  it('keeps the search in the address: a shared URL reproduces the results, Back restores the previous search', async () => {
    const page = await context().newPage();
    await page.goto(`${base()}/recherche/`);
    // The page's script is imported after load: typing before it listens would be lost.
    await page.waitForSelector('vf-search-page[data-enhanced]');
    await page.locator('#recherche-q').fill('Almerys');
    await expect.poll(() => page.url()).toMatch(/\?q=Almerys$/);
    await expect.poll(async () => (await resultLinks(page)).length).toBeGreaterThan(3);
    const all = await resultLinks(page);
    expect(all[0]).toBe('/organisations/almerys/');
    expect(await page.locator('[data-results] mark').count()).toBeGreaterThan(0);

    await page.selectOption('#recherche-type', 'regulatory');
    await expect.poll(() => page.url()).toMatch(/\?q=Almerys&type=regulatory$/);
    await expect.poll(async () => (await resultLinks(page)).join()).not.toBe(all.join());
    const filtered = await resultLinks(page);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((href) => all.includes(href))).toBe(true);
    expect(filtered.some((href) => href!.startsWith('/organisations/'))).toBe(false);
    await expect.poll(() => page.locator('[data-status]').textContent()).toMatch(/résultats? pour «\s*Almerys\s*» avec ces filtres/);
    const status = await page.locator('[data-status]').textContent();

    // The same address, opened fresh elsewhere, gives the same results.
    const other = await browser().newContext({ locale: 'fr-FR' });
    const shared = await other.newPage();
    await shared.goto(page.url());
    await expect.poll(async () => (await resultLinks(shared)).join()).toBe(filtered.join());
    expect(await shared.locator('#recherche-q').inputValue()).toBe('Almerys');
    expect(await shared.locator('#recherche-type').inputValue()).toBe('regulatory');
    await expect.poll(() => shared.locator('[data-status]').textContent()).toBe(status);
    await other.close();

    // Back: the search without the facet.
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/\?q=Almerys$/);
    expect(await page.locator('#recherche-type').inputValue()).toBe('');
    await expect.poll(async () => (await resultLinks(page)).join()).toBe(all.join());
    await page.close();
  });

  it('moves through results with the keyboard and opens one', async () => {
    const page = await context().newPage();
    await page.goto(`${base()}/recherche/?q=parquet`);
    await expect.poll(async () => (await resultLinks(page)).length).toBeGreaterThan(1);
    const links = await resultLinks(page);
    await page.locator('#recherche-q').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(links[0]);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(links[1]);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('recherche-q');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base()}${links[0]}`);
    await page.close();
  });

  it('without JavaScript, says how to browse by type and organisation, and links there', async () => {
    const noJs = await browser().newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${base()}/recherche/?q=Almerys`);
    const note = page.locator('[data-nojs]');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/JavaScript/);
    const typeLinks = await page.locator('#parcourir a[href^="/types/"]').count();
    expect(typeLinks).toBe(7);
    expect(await page.locator('#parcourir a[href^="/organisations/"]').count()).toBeGreaterThan(3);
    await page.locator('#parcourir a[href^="/types/"]').first().click();
    await page.waitForURL(/\/types\/[a-z]+\/$/);
    // The facet form submits as a plain GET.
    await page.goto(`${base()}/recherche/`);
    await page.locator('#recherche-q').fill('sécu');
    await page.selectOption('#recherche-type', 'incident');
    await page.locator('form.search-page button[type="submit"]').click();
    await page.waitForURL(/\/recherche\/\?q=s%C3%A9cu&type=incident/);
    await noJs.close();
  });
});

describe('phone width', () => {
  it('has no horizontal scroll on the results page or with the popup open', async () => {
    const phone = await browser().newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-FR' });
    const page = await phone.newPage();
    await page.goto(`${base()}/recherche/?q=almerys&type=regulatory`);
    await expect.poll(async () => (await resultLinks(page)).length).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.goto(`${base()}/`);
    await typeInBox(page, 'numéro de sécu');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const popupBox = await popup(page).boundingBox();
    expect(popupBox!.x).toBeGreaterThanOrEqual(0);
    expect(popupBox!.x + popupBox!.width).toBeLessThanOrEqual(360);
    await phone.close();
  });
});

describe('accessibility of the open search UI (axe-core, WCAG 2.1 A and AA)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds no violation in the open popup and on the results page (${colorScheme})`, async () => {
      const ctx = await browser().newContext({ colorScheme, locale: 'fr-FR' });
      const page = await ctx.newPage();
      await page.goto(`${base()}/`);
      await typeInBox(page, 'almerys');
      await page.keyboard.press('ArrowDown');
      const report: string[] = [];
      const check = async (where: string, include: string) => {
        const result = await new AxeBuilder({ page }).include(include).withTags(WCAG).analyze();
        for (const v of result.violations) report.push(`${where}: ${v.id} (${v.nodes.length}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      };
      await check('popup', 'vf-search');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await typeInBox(page, 'xylophone');
      await check('popup sans résultat', 'vf-search');
      await page.goto(`${base()}/recherche/?q=securite%20sociale`);
      await expect.poll(async () => (await resultLinks(page)).length).toBeGreaterThan(0);
      await check('page de résultats', 'main');
      await page.goto(`${base()}/recherche/?q=xylophone`);
      await expect.poll(() => page.locator('.vf-none').count()).toBe(1);
      await check('page sans résultat', 'main');
      expect(report).toEqual([]);
      await ctx.close();
    });
  }
});
