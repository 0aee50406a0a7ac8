/**
 * Both builds (shipped and fixture content), whole: no personal data in any
 * file, a strict Content-Security-Policy <meta> on every page (the browser side
 * is tests/e2e/security.test.ts), every page valid for html-validate, every internal link and anchor
 * leads somewhere and every external link is http(s). Messages name the file.
 */
import { describe, expect, inject, it } from 'vitest';
import { checkPersonalData, formatFinding } from '../../scripts/check-dist/personal-data.ts';
import { validatePages } from '../../scripts/check-dist/html.ts';
import { checkLinks } from '../../scripts/check-dist/links.ts';
import { checkCsp } from '../../scripts/check-dist/csp.ts';

// The address the builds were made for (astro.config.mjs's default: the tests set no SITE_URL).
const SITE = process.env.SITE_URL ?? 'https://veille-fuites.example';

describe.each([
  ['shipped', () => inject('shippedDist')],
  ['fixture', () => inject('fixtureDist')],
])('%s content build', (name, dist) => {
  it('publishes no personal data', () => {
    const { files, findings } = checkPersonalData(dist());
    expect(files).toBeGreaterThan(10);
    expect(findings.map(formatFinding)).toEqual([]);
    console.log(`[${name}] données personnelles : ${files} fichiers, ${findings.length} trouvée(s)`);
  });

  it('carries a strict Content-Security-Policy on every page, before what it governs', () => {
    const { pages, problems } = checkCsp(dist());
    expect(problems).toEqual([]);
    console.log(`[${name}] CSP : ${pages} pages, ${problems.length} problème(s)`);
  });

  it('has only pages that html-validate accepts', async () => {
    const { pages, problems } = await validatePages(dist());
    expect(pages).toBeGreaterThan(10);
    expect(problems).toEqual([]);
    console.log(`[${name}] html-validate : ${pages} pages, ${problems.length} problème(s)`);
  });

  it('has no broken internal link or anchor, and only http(s) external links', () => {
    const { pages, links, problems } = checkLinks(dist(), SITE);
    expect(links).toBeGreaterThan(pages);
    expect(problems).toEqual([]);
    console.log(`[${name}] liens : ${pages} pages, ${links} liens, ${problems.length} problème(s)`);
  });
});
