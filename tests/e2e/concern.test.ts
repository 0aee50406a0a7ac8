/**
 * « Suis-je concerné ? » in headless Chromium over the shipped content: a client
 * of each operator, one of both, one of neither, a misspelling, a shared
 * address and Back, the list without JavaScript, and axe on an answer.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';

const base = () => inject('siteUrl');
const { browser, context } = useBrowser();

const answer = (page: Page) => page.locator('[data-answer]');

async function ask(page: Page, name: string) {
  await page.locator('#organisme').fill(name);
  await page.getByRole('button', { name: 'Vérifier' }).click();
  await expect.poll(() => answer(page).isVisible()).toBe(true);
}

describe('« Suis-je concerné ? » with JavaScript', () => {
  it('names Viamedis for one of its clients, with the source of the tie and what Viamedis exposed', async () => {
    const page = await context().newPage();
    await page.goto(`${base()}/suis-je-concerne/`);
    await ask(page, 'Harmonie Mutuelle');
    await expect.poll(() => answer(page).locator('h2').textContent()).toBe('Harmonie Mutuelle');
    expect(await answer(page).locator('.verdict').textContent()).toContain('clients de Viamedis');
    expect(await answer(page).locator('.ties a[href^="http"]').count()).toBeGreaterThan(0);
    expect(await answer(page).locator('.operator-exposure').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.operator))).toEqual(['viamedis']);
    expect(await answer(page).locator('.operator-exposure').textContent()).toContain('numéro de sécurité sociale');
    // Focus moves to the answer so a screen reader hears it.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-answer'))).toBe(true);
    await page.close();
  });

  it('names Almerys for one of its clients', async () => {
    const page = await context().newPage();
    await page.goto(`${base()}/suis-je-concerne/`);
    await ask(page, 'Alan');
    expect(await answer(page).locator('.verdict').textContent()).toContain('clients de Almerys');
    expect(await answer(page).locator('.operator-exposure').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.operator))).toEqual(['almerys']);
    await page.close();
  });

  it('names both operators for a client of both', async () => {
    const page = await context().newPage();
    await page.goto(`${base()}/suis-je-concerne/`);
    await ask(page, 'Aésio');
    const verdict = await answer(page).locator('.verdict').textContent();
    expect(verdict).toContain('Viamedis');
    expect(verdict).toContain('Almerys');
    expect(await answer(page).locator('.operator-exposure').count()).toBe(2);
    await page.close();
  });

  it('says « nous ne savons pas » for a name the record does not know, with what to check', async () => {
    const page = await context().newPage();
    await page.goto(`${base()}/suis-je-concerne/`);
    await ask(page, 'Caisse imaginaire du Vexin');
    expect(await answer(page).locator('h2').textContent()).toContain('nous ne savons pas');
    expect(await answer(page).locator('a[href="#que-faire"]').count()).toBe(1);
    expect(await answer(page).locator('.operator-exposure').count()).toBe(0);
    await page.close();
  });

  it('answers a misspelled name and says it guessed', async () => {
    const page = await context().newPage();
    await page.goto(`${base()}/suis-je-concerne/`);
    await ask(page, 'harmoni mutuel');
    expect(await answer(page).locator('h2').textContent()).toBe('Harmonie Mutuelle');
    expect(await answer(page).locator('[data-guess]').isVisible()).toBe(true);
    await page.close();
  });

  it('opens a shared address on its answer, and Back returns to the previous one', async () => {
    const page = await context().newPage();
    await page.goto(`${base()}/suis-je-concerne/?organisme=Macif`);
    await expect.poll(() => answer(page).locator('h2').textContent()).toBe('Macif');
    await ask(page, 'Harmonie Mutuelle');
    expect(page.url()).toContain('organisme=Harmonie+Mutuelle');
    await page.goBack();
    await expect.poll(() => answer(page).locator('h2').textContent()).toBe('Macif');
    expect(await page.locator('#organisme').inputValue()).toBe('Macif');
    await page.close();
  });

  it('has no WCAG 2.1 A/AA violation with an answer shown', async () => {
    const page = await context().newPage();
    await page.goto(`${base()}/suis-je-concerne/?organisme=Aésio`);
    await expect.poll(() => answer(page).isVisible()).toBe(true);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => `${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    await page.close();
  });
});

describe('« Suis-je concerné ? » without JavaScript', () => {
  it('lists organisations A–Z, and an organisation page carries the same answer', async () => {
    const noJs = await browser().newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${base()}/suis-je-concerne/`);
    expect(await page.locator('form.concern-form').isVisible()).toBe(false);
    const letters = await page.locator('h3.letter').allTextContents();
    expect(letters.length).toBeGreaterThan(5);
    expect([...letters].sort((a, b) => a.localeCompare(b))).toEqual(letters);
    expect(await page.locator('#que-faire').count()).toBe(1);
    await page.locator('.az-list a', { hasText: 'Harmonie Mutuelle' }).click();
    await page.waitForURL(/\/organisations\/harmonie-mutuelle\/$/);
    const section = page.locator('section.concern-answer');
    expect(await section.locator('.verdict').textContent()).toContain('clients de Viamedis');
    expect(await section.locator('.operator-exposure[data-operator="viamedis"]').count()).toBe(1);
    await noJs.close();
  });
});
