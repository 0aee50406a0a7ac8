/**
 * Every page type of the shipped build in headless Chromium, under its own
 * Content-Security-Policy: no violation report, no console error, no uncaught
 * error, and no request to any host but the site's. The interactive pages are
 * used (a query typed in the search, an answer in « Suis-je concerné ? ») so
 * the code they load on demand, and the search Web Worker, run too. A planted
 * inline script and a third-party image prove the watch catches both.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';

const base = () => inject('siteUrl');
const { context } = useBrowser();

interface Watch {
  problems: string[];
  requests: number;
  workers: number;
}

/** Records, for one page, what must never happen under the policy. */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { problems: [], requests: 0, workers: 0 };
  const site = new URL(base()).host;
  await page.exposeFunction('__reportViolation', (text: string) => w.problems.push(`CSP : ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation: (t: string) => void }).__reportViolation(`${e.effectiveDirective} a bloqué ${e.blockedURI || '(inline)'} dans ${e.sourceFile || e.documentURI}`);
    });
  });
  page.on('request', (r) => {
    w.requests++;
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.host !== site) w.problems.push(`requête tierce : ${r.url()}`);
  });
  // A failed load is reported below with its address; the console only repeats it without one.
  page.on('console', (m) => {
    if ((m.type() === 'error' && !m.text().startsWith('Failed to load resource')) || /Content.Security.Policy|Refused to/i.test(m.text())) w.problems.push(`console ${m.type()} : ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document') w.problems.push(`réponse ${r.status()} : ${r.url()}`);
  });
  page.on('pageerror', (e) => w.problems.push(`erreur : ${e.message}`));
  page.on('worker', () => w.workers++);
  return w;
}

/** Each page type and what to do there once loaded. */
const PAGES: Array<[string, string, (page: Page) => Promise<void>]> = [
  ['chronologie', '/', async () => {}],
  ['chronologie (plus ancien d’abord)', '/chronologie/', async () => {}],
  ['type d’événement', '/types/regulatory/', async () => {}],
  ['événement', 'first-event', async () => {}],
  ['organisation', '/organisations/almerys/', async () => {}],
  ['organisations', '/organisations/', async () => {}],
  ['dossier', '/dossiers/tiers-payant-2024/', async () => {}],
  ['chiffres', '/chiffres/', async () => {}],
  ['revue de presse', '/revue-de-presse/', async () => {}],
  ['à propos', '/a-propos/', async () => {}],
  ['404', '/cette-page-n-existe-pas/', async () => {}],
  ['recherche (en-tête, requête tapée)', '/', async (page) => {
    await page.keyboard.press('/');
    await page.keyboard.type('almerys', { delay: 20 });
    await expect.poll(() => page.locator('#site-search-listbox [role="option"]').count()).toBeGreaterThan(0);
  }],
  ['page de recherche', '/recherche/?q=Viamedis', async (page) => {
    await expect.poll(() => page.locator('[data-results] .vf-link').count()).toBeGreaterThan(0);
  }],
  ['« Suis-je concerné ? » avec une réponse', '/suis-je-concerne/', async (page) => {
    await page.locator('#organisme').fill('Harmonie Mutuelle');
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await expect.poll(() => page.locator('[data-answer]').isVisible()).toBe(true);
  }],
];

describe('Content-Security-Policy and no third party, in the browser', () => {
  it('every page type runs under its policy with no violation, no error and no request off the site', async () => {
    const first = await context().newPage();
    await first.goto(`${base()}/`);
    const firstEvent = (await first.locator('.timeline-item.is-event a.title').first().getAttribute('href'))!;
    await first.close();

    const report: string[] = [];
    let requests = 0;
    let searchWorkers = 0;
    for (const [name, path, act] of PAGES) {
      const page = await context().newPage();
      const w = await watch(page);
      const response = await page.goto(`${base()}${path === 'first-event' ? firstEvent : path}`, { waitUntil: 'networkidle' });
      expect(response?.status(), name).toBe(name === '404' ? 404 : 200);
      expect(await page.locator('meta[http-equiv="content-security-policy"]').count(), name).toBe(1);
      await act(page);
      await page.waitForLoadState('networkidle');
      if (name.includes('recherche')) searchWorkers += w.workers;
      requests += w.requests;
      report.push(...w.problems.map((p) => `${name} : ${p}`));
      await page.close();
    }
    expect(report).toEqual([]);
    // The search ran in its Web Worker, which the policy allows (worker-src 'self').
    expect(searchWorkers).toBeGreaterThan(0);
    console.log(`[navigateur] ${PAGES.length} types de page, ${requests} requêtes, ${report.length} violation(s)`);
  });

  it('reports a blocked inline script, a blocked third-party image and a request off the site (the watch works)', async () => {
    const page = await context().newPage();
    const w = await watch(page);
    // The real home page, with two things the policy must stop planted in it.
    await page.route(`${base()}/`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('</body>', '<script>document.title = "exécuté"</script><img src="https://tiers.example/pixel.gif" alt=""></body>');
      await route.fulfill({ response, body: html });
    });
    await page.route('https://tiers.example/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>ailleurs</p>' }));
    await page.goto(`${base()}/`, { waitUntil: 'networkidle' });
    expect(await page.title()).not.toBe('exécuté');
    expect(w.problems.some((p) => p.startsWith('CSP : script-src-elem a bloqué inline'))).toBe(true);
    expect(w.problems.some((p) => p.startsWith('CSP : img-src a bloqué https://tiers.example/pixel.gif'))).toBe(true);
    await page.goto('https://tiers.example/ailleurs');
    expect(w.problems).toContain('requête tierce : https://tiers.example/ailleurs');
    await page.close();
  });
});
