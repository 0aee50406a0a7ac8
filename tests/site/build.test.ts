/** The built site: every page type exists, the feed parses, the sitemap lists pages, a broken entry stops the build. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, basename, extname } from 'node:path';
import { tmpdir } from 'node:os';
import Parser from 'rss-parser';
import * as cheerio from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { EVENT_KINDS } from '../../src/schemas/vocabulary.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { isReviewed } from '../../src/lib/press.ts';
import { FEED_ITEM_LIMIT } from '../../src/feeds/latest.ts';

const root = resolve(import.meta.dirname, '../..');

const slugs = (content: string, dir: string) =>
  existsSync(join(content, dir)) ? readdirSync(join(content, dir)).filter((f) => !f.startsWith('_') && !f.startsWith('.')).map((f) => basename(f, extname(f))) : [];

describe.each([
  ['shipped', () => inject('shippedDist'), resolve(root, 'content')],
  ['fixture', () => inject('fixtureDist'), resolve(root, 'tests/fixtures/content')],
])('%s content build', (_name, dist, content) => {
  const page = (p: string) => join(dist(), p);
  const html = (p: string) => readFileSync(page(p), 'utf8');

  it('has every page type, in French, with canonical, Open Graph and feed autodiscovery', () => {
    const pages = [
      'index.html', 'chronologie/index.html', 'organisations/index.html', 'revue-de-presse/index.html', 'chiffres/index.html',
      'a-propos/index.html', 'suis-je-concerne/index.html', 'evenements/index.html', 'types/index.html', 'dossiers/index.html', '404.html', 'robots.txt', 'rss.xml', 'sitemap-index.xml',
      ...slugs(content, 'events').map((s) => `evenements/${s}/index.html`),
      ...slugs(content, 'organizations').map((s) => `organisations/${s}/index.html`),
      ...slugs(content, 'dossiers').map((s) => `dossiers/${s}/index.html`),
      ...Object.keys(EVENT_KINDS).map((k) => `types/${k}/index.html`),
    ];
    const missing = pages.filter((p) => !existsSync(page(p)));
    expect(missing).toEqual([]);
    const home = html('index.html');
    expect(home).toMatch(/<html lang="fr"/);
    expect(home).toMatch(/<link rel="canonical" href="https:\/\/[^"]+\/"/);
    expect(home).toMatch(/<meta property="og:title"/);
    expect(home).toMatch(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="[^"]*\/rss\.xml"/);
    expect(html('404.html')).toContain('Page introuvable');
  });

  it('writes dates the French way inside <time datetime>', () => {
    const events = checkContent(content).entries.filter((e) => e.collection === 'events');
    const first = events[0]!;
    const out = html(`evenements/${first.slug}/index.html`);
    const day = String(first.data.date).slice(0, 10);
    const expected = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' })
      .format(new Date(`${day}T12:00:00Z`)).replace(/^1 /, '1er ');
    expect(out).toMatch(new RegExp(`<time datetime="${day}[^"]*">[^<]*${expected.split(' ').slice(-2).join(' ')}`));
  });

  it('publishes an RSS feed that parses and holds every event and article up to its limit, newest first', async () => {
    const feed = await new Parser().parseString(html('rss.xml'));
    const { entries } = checkContent(content);
    // Articles ingestion wrote that no editor has reviewed stay out of the feed.
    const expected = entries.filter((e) => e.collection === 'events' || (e.collection === 'coverage' && isReviewed(e.data as never))).length;
    expect(feed.items).toHaveLength(Math.min(expected, FEED_ITEM_LIMIT));
    const dates = feed.items.map((i) => Date.parse(i.pubDate ?? ''));
    expect(dates.every((d) => !Number.isNaN(d))).toBe(true);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    const eventLinks = feed.items.map((i) => i.link ?? '').filter((l) => l.includes('/evenements/'));
    if (expected <= FEED_ITEM_LIMIT) expect(eventLinks.length).toBe(slugs(content, 'events').length);
    expect(eventLinks.length).toBeGreaterThan(0);
    expect(eventLinks.every((l) => /^https:\/\//.test(l))).toBe(true);
  });

  it('lists pages in the sitemap and points robots.txt to it', () => {
    const index = html('sitemap-index.xml');
    const files = [...index.matchAll(/<loc>[^<]*\/(sitemap-\d+\.xml)<\/loc>/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(0);
    const urls = files.flatMap((f) => [...html(f).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
    expect(urls).toContain('/');
    expect(urls).toContain('/revue-de-presse/');
    for (const s of slugs(content, 'events')) expect(urls).toContain(`/evenements/${s}/`);
    expect(urls.some((u) => u.includes('404'))).toBe(false);
    expect(html('robots.txt')).toMatch(/Sitemap: https:\/\/\S+\/sitemap-index\.xml/);
  });
});

describe('an article ingestion wrote and no editor reviewed (fixture)', () => {
  const html = (p: string) => readFileSync(join(inject('fixtureDist'), p), 'utf8');
  const URL_ = 'https://www.gazette-fictive.example/2025/02/01/exemplis-fuite-tiers-payant';

  it('appears in the press review apart, marked « ajouté automatiquement, non relu », without its quotation', () => {
    const press = html('revue-de-presse/index.html');
    const section = press.slice(press.indexOf('id="non-relus"'));
    expect(press).toContain('id="non-relus"');
    expect(section).toContain('Ajoutés automatiquement, non relus');
    expect(section).toContain(URL_);
    expect(section).toContain('ajouté automatiquement, non relu');
    expect(press.indexOf(URL_)).toBe(press.lastIndexOf(URL_));
    expect(press).not.toContain('selon un communiqué diffusé vendredi');
    expect(press).toMatch(/2 autres articles, ajoutés automatiquement, attendent une relecture/);
  });

  it('is never a source of its event, nor on the timeline, in the feed or in search', () => {
    expect(html('evenements/exemplis-annonce-1-2-million-de-personnes/index.html')).not.toContain(URL_);
    expect(html('rss.xml')).not.toContain(URL_);
    expect(html('organisations/exemplis/index.html')).not.toContain(URL_);
    const dist = inject('fixtureDist');
    const all = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|xml|json)$/.test(f) && !f.startsWith('revue-de-presse'));
    const leaks = all.filter((f) => readFileSync(join(dist, f), 'utf8').includes('gazette-fictive.example/2025'));
    expect(leaks).toEqual([]);
  });
});

describe('an article known only to its month, headline not seen (fixture)', () => {
  const html = (p: string) => readFileSync(join(inject('fixtureDist'), p), 'utf8');
  const ABOUT = "Article de la Presse d'Exemple sur le courrier de la mutuelle Fictia à ses adhérents";
  const URL = 'https://presse.example/2025/02/fictia-previent-ses-adherents';
  /** The text of the list item holding the link to the article. */
  const itemText = (page: string) => {
    const $ = cheerio.load(html(page));
    const link = $(`a[href="${URL}"]`);
    expect(link.length, page).toBe(1);
    return { link: link.text().replace(/\s+/g, ' ').trim(), item: link.closest('li').text().replace(/\s+/g, ' ').trim() };
  };

  it.each([
    ['timeline', 'index.html'],
    ['press review', 'revue-de-presse/index.html'],
    ['event page', 'evenements/mutuelle-fictia-previent-ses-adherents/index.html'],
  ])('reads « février 2025 » and our description, never a day or brackets, in the %s', (_where, page) => {
    const { link, item } = itemText(page);
    expect(link).toBe(`${ABOUT} (titre non relevé)`);
    expect(item).toContain('février 2025');
    expect(item).not.toMatch(/\[|\]|1er février/);
  });

  it('sits in a « Jour non connu » group after the dated days of February in the timeline', () => {
    const $ = cheerio.load(html('index.html'));
    const february = $('#mois-2025-02').closest('section');
    const days = february.find('.timeline-day > h3').map((_, h) => $(h).text().trim()).get();
    expect(days.at(-1)).toBe('Jour non connu');
    expect(days.slice(0, -1).every((d) => /^\d{1,2}(er)? février 2025$/.test(d))).toBe(true);
    expect(february.find('.timeline-day').last().find(`a[href="${URL}"]`).length).toBe(1);
  });

  it('is dated the 1st of the month in the feed, its text saying the day is unknown', async () => {
    const feed = await new Parser().parseString(html('rss.xml'));
    const item = feed.items.find((i) => i.link === URL)!;
    expect(item.title).toBe("Article de la Presse d'Exemple (titre non relevé)");
    expect(new Date(item.pubDate!).toISOString()).toBe('2025-01-31T23:00:00.000Z');
    expect(item.contentSnippet).toContain('Jour de publication non connu : février 2025.');
    const content = (item as { 'content:encoded'?: string })['content:encoded'] ?? '';
    expect(content).toMatch(/titre non relevé\) : Article de la Presse d(’|'|&#39;|&#x27;)Exemple sur le courrier de la mutuelle Fictia/);
    expect(content).toContain('Publié :</strong> février 2025');
  });
});

describe('a broken entry', () => {
  it('fails the build with a message naming the file, the field, the value and what is allowed', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'vf-broken-'));
    const content = join(tmp, 'content');
    cpSync(resolve(root, 'tests/fixtures/content'), content, { recursive: true });
    const eventsDir = join(content, 'events');
    const file = readdirSync(eventsDir).find((f) => f.endsWith('.mdx'))!;
    const path = join(eventsDir, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^kind: .*$/m, 'kind: rumeur'));
    const result = buildSite(content, join(tmp, 'dist'));
    expect(result.ok).toBe(false);
    expect(result.output).toContain(`content/events/${file} : champ « kind » : valeur « rumeur » non autorisée ; valeurs permises : incident, statement, regulatory, legal, political, advisory, context`);
  });
});
