import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discover, DiscoverError, selectItems, sniff, type DiscoveredItem } from './index.ts';

const data = (f: string) => readFileSync(join(import.meta.dirname, 'testdata', f), 'utf8');

describe('sniff', () => {
  it.each([
    ['rss.xml', 'rss'],
    ['atom.xml', 'atom'],
    ['rdf.xml', 'rdf'],
    ['sitemap.xml', 'sitemap'],
    ['sitemap-index.xml', 'sitemapindex'],
    ['list.html', 'html'],
  ])('%s is %s', (f, kind) => expect(sniff(data(f))).toBe(kind));
  it('rejects anything else with a named error', async () => {
    expect(sniff('%PDF-1.4')).toBeNull();
    await expect(discover('{"json": true}', 'https://x.example/api')).rejects.toThrow(/^discover: format non reconnu.*\(https:\/\/x\.example\/api\)$/);
  });
});

describe('feeds', () => {
  it('reads RSS 2.0 with dates in Paris time and plain-text summaries', async () => {
    const d = await discover(data('rss.xml'), 'https://www.sante-hebdo.example/rss');
    expect(d.format).toBe('rss');
    expect(d.truncated).toBe(false);
    expect(d.items).toHaveLength(3);
    expect(d.items[0]).toEqual({
      url: 'https://www.sante-hebdo.example/tiers-payant-almerys-confirme-une-intrusion/20240206?utm_source=rss&utm_medium=flux',
      title: 'Tiers payant : Almerys confirme à son tour une intrusion',
      summary: "Quelques jours après Viamedis, l'opérateur Almerys reconnaît un accès frauduleux.",
      publishedAt: '2024-02-06T09:45:00+01:00',
      via: 'https://www.sante-hebdo.example/rss',
    });
  });
  it('reads Atom with relative links', async () => {
    const d = await discover(data('atom.xml'), 'https://www.techactu.example/securite/feed.atom');
    expect(d.items).toEqual([
      expect.objectContaining({ url: 'https://www.techactu.example/securite/viamedis-portail-soignants-pirate-123456.html', publishedAt: '2024-02-02T17:30:00+01:00' }),
    ]);
  });
  it('reads RDF (RSS 1.0) with dc:date', async () => {
    const d = await discover(data('rdf.xml'), 'https://www.journal-ouest.example/rss');
    expect(d.format).toBe('rdf');
    expect(d.items[0]).toMatchObject({ title: "Mutuelles : l'attaque contre les opérateurs de tiers payant coûtera cher", publishedAt: '2024-02-12T07:30:00+01:00' });
  });
  it('keeps the complete items of a truncated feed and says so', async () => {
    const d = await discover(data('truncated.xml'), 'https://www.sante-hebdo.example/rss');
    expect(d.truncated).toBe(true);
    expect(d.items.map((i) => i.title)).toEqual(['Tiers payant : Almerys confirme à son tour une intrusion', 'Résiliation infra-annuelle : premier bilan']);
  });
  it('fails with a named error on a feed cut before any item', async () => {
    await expect(discover('<?xml version="1.0"?><rss><channel><title>x', 'https://x.example/rss')).rejects.toBeInstanceOf(DiscoverError);
  });
  it('reads a feed of 5,000 items quickly', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => `<item><title>Article ${i}</title><link>https://x.example/a/${i}.html</link><pubDate>${new Date(Date.UTC(2024, 1, 1) + i * 60_000).toUTCString()}</pubDate></item>`).join('');
    const t0 = performance.now();
    const d = await discover(`<?xml version="1.0"?><rss version="2.0"><channel><title>Gros flux</title>${items}</channel></rss>`, 'https://x.example/rss');
    expect(d.items).toHaveLength(5000);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

describe('sitemaps and list pages', () => {
  it('reads a news sitemap', async () => {
    const d = await discover(data('sitemap.xml'), 'https://www.quotidien-premium.example/sitemap-news.xml');
    expect(d.items).toEqual([
      {
        url: 'https://www.quotidien-premium.example/economie/article/2024/02/09/tiers-payant-enquete-failles_6215.html',
        title: 'Tiers payant : enquête sur les failles qui ont permis le piratage',
        publishedAt: '2024-02-09T06:00:00+01:00',
        via: 'https://www.quotidien-premium.example/sitemap-news.xml',
      },
      { url: 'https://www.quotidien-premium.example/culture/festival', publishedAt: '2024-02-09', via: 'https://www.quotidien-premium.example/sitemap-news.xml' },
    ]);
  });
  it('lists the sitemaps of an index', async () => {
    const d = await discover(data('sitemap-index.xml'), 'https://www.quotidien-premium.example/sitemap.xml');
    expect(d.sitemaps).toEqual(['https://www.quotidien-premium.example/sitemap-news.xml', 'https://www.quotidien-premium.example/sitemap-2024-02.xml']);
  });
  it('finds article links on a list page, not menus, footers, fragments or other sites', async () => {
    const d = await discover(data('list.html'), 'https://www.echo-du-bocage.example/sante/');
    expect(d.items).toEqual([
      {
        url: 'https://www.echo-du-bocage.example/sante/cyberattaque-tiers-payant-assures.html',
        title: 'Cyberattaque au tiers payant : ce que les assurés du département doivent savoir',
        publishedAt: '2024-02-08T18:05:00+01:00',
        via: 'https://www.echo-du-bocage.example/sante/',
      },
      { url: 'https://www.echo-du-bocage.example/sante/hopital-nouveau-scanner', title: "L'hôpital de la ville s'équipe d'un nouveau scanner", via: 'https://www.echo-du-bocage.example/sante/' },
    ]);
  });
  it('uses a configured link selector', async () => {
    const d = await discover(data('list.html'), 'https://www.echo-du-bocage.example/sante/', { linkSelector: 'footer a' });
    expect(d.items.map((i) => i.url)).toEqual(['https://www.echo-du-bocage.example/mentions-legales-et-conditions']);
  });
});

describe('selectItems', () => {
  const judge = (title: string) => (/almerys|viamedis/i.test(title) ? 'relevant' : /rugby/i.test(title) ? 'irrelevant' : 'unsure');
  const items: DiscoveredItem[] = [
    { url: 'https://x.example/1', title: 'Almerys touché', publishedAt: '2024-02-06T09:45:00+01:00', via: 'f' },
    { url: 'https://x.example/2', title: 'Rugby', publishedAt: '2024-02-06T09:45:00+01:00', via: 'f' },
    { url: 'https://x.example/3', title: 'Un opérateur touché', publishedAt: '2024-02-07T09:45:00+01:00', via: 'f' },
    { url: 'https://x.example/4', title: 'Viamedis, ancien', publishedAt: '2023-12-01T09:45:00+01:00', via: 'f' },
    { url: 'https://x.example/5', title: 'Sans date, Viamedis', via: 'f' },
    { url: 'https://x.example/1', title: 'Almerys touché (doublon)', via: 'f' },
  ];
  it('keeps relevant and unsure items in the window, newest first', () => {
    const s = selectItems(items, { since: '2024-01-22', judge });
    expect(s.keep.map((k) => [k.url, k.judgement])).toEqual([
      ['https://x.example/3', 'unsure'],
      ['https://x.example/1', 'relevant'],
      ['https://x.example/5', 'relevant'],
    ]);
    expect(s.outOfWindow).toBe(1);
    expect(s.irrelevant).toBe(1);
  });
  it('applies until and a per-source limit', () => {
    const s = selectItems(items, { since: '2024-01-22', until: '2024-02-06', judge, maxItems: 1 });
    expect(s.keep.map((k) => k.url)).toEqual(['https://x.example/1']);
    expect(s.outOfWindow).toBe(2);
    expect(s.overLimit).toBe(1);
  });
});
