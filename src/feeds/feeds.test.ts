/** Feed items, facets and the three formats, over the fixture record (and hostile or corrected copies of it). */
import { resolve } from 'node:path';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../lib/content-check.ts';
import { recordFromEntries, type ContentRecord } from '../lib/record.ts';
import { jsonFeedErrors } from '../../tests/support/json-feed.ts';
import { buildFeedItems } from './items.ts';
import { facetPathsOf, feedFacets, itemsByFacet } from './facets.ts';
import { latestItems } from './latest.ts';
import { renderAtom, renderJsonFeed, renderRss, type FeedDocument } from './render.ts';

const site = new URL('https://veille-fuites.example');
const fixture = recordFromEntries(checkContent(resolve(import.meta.dirname, '../../tests/fixtures/content')).entries);
/** Fields rss-parser keeps beside its own: RSS's dcterms:modified and content:encoded, Atom's id, updated and published. */
type Extra = { 'dcterms:modified'?: string; 'content:encoded'?: string; id?: string; updated?: string; published?: string };
const parser = new Parser<Record<string, unknown>, Extra>({ customFields: { item: ['dcterms:modified', 'updated', 'published'] } });

/** The record with one event changed (a deep copy: the fixture stays intact). */
function withEvent(record: ContentRecord, slug: string, change: (data: ContentRecord['events'][number]['data']) => void): ContentRecord {
  const copy = structuredClone(record) as ContentRecord;
  change(copy.events.find((e) => e.id === slug)!.data);
  return copy;
}

const docOf = (record: ContentRecord, path = ''): FeedDocument => {
  const facet = feedFacets(record).find((f) => f.path === path)!;
  return { facet, items: buildFeedItems(record, site).filter(facet.select), site, emptyUpdated: new Date(0) };
};

describe('feed items', () => {
  const items = buildFeedItems(fixture, site);

  it('has one item per event and per article, newest first, each id the entry’s page', () => {
    expect(items).toHaveLength(fixture.events.length + fixture.coverage.length);
    const times = items.map((i) => i.published.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const e of fixture.events) expect(items.map((i) => i.id)).toContain(`https://veille-fuites.example/evenements/${e.id}/`);
    for (const c of fixture.coverage) expect(items.map((i) => i.id)).toContain(`https://veille-fuites.example/revue-de-presse/#article-${c.id}`);
  });

  it('states the correction in the item and dates the update at the correction', () => {
    const corrected = items.find((i) => i.id.endsWith('/evenements/exemplis-detecte-un-acces-frauduleux/'))!;
    expect(corrected.published.toISOString()).toBe('2025-01-27T23:00:00.000Z');
    expect(corrected.updated.toISOString()).toBe('2025-02-02T23:00:00.000Z');
    expect(corrected.contentHtml).toContain('Correction du 3 février 2025');
    expect(corrected.contentHtml).toContain("La date de l'intrusion passe du 29 au 28 janvier.");
  });

  it('keeps ids when a title and a date are corrected, and moves the update date to the new correction', () => {
    const slug = 'exemplis-annonce-1-2-million-de-personnes';
    const before = buildFeedItems(fixture, site);
    const after = buildFeedItems(
      withEvent(fixture, slug, (e) => {
        e.title = 'Exemplis annonce finalement 1,3 million de personnes concernées';
        e.date = '2025-02-05';
        e.corrections.push({ date: '2025-03-10', change: 'Le chiffre passe à 1,3 million.', reason: 'Nouveau communiqué.' });
      }),
      site,
    );
    expect(after.map((i) => i.id).sort()).toEqual(before.map((i) => i.id).sort());
    const old = before.find((i) => i.id.includes(slug))!;
    const now = after.find((i) => i.id.includes(slug))!;
    expect(now.title).not.toBe(old.title);
    expect(now.updated.getTime()).toBeGreaterThan(old.updated.getTime());
    expect(now.updated.toISOString()).toBe('2025-03-09T23:00:00.000Z');
    expect(now.contentHtml).toContain('Le chiffre passe à 1,3 million.');
  });

  it('gives every event its sources with an archived copy dated at publication', () => {
    const event = items.find((i) => i.id.endsWith('/evenements/exemplis-detecte-un-acces-frauduleux/'))!;
    expect(event.contentHtml).toContain('href="https://exemple.example/communiques/2025-01-29-incident"');
    expect(event.contentHtml).toContain('href="https://web.archive.org/web/20250129/https://exemple.example/communiques/2025-01-29-incident"');
  });

  it('says which dossier an item belongs to and files it under kind, organisations and data categories', () => {
    const event = items.find((i) => i.id.endsWith('/evenements/exemplis-detecte-un-acces-frauduleux/'))!;
    expect(event.contentHtml).toMatch(/Dossier :<\/strong> <a href="https:\/\/veille-fuites\.example\/dossiers\/exemplis-2025\/">/);
    expect(event.categories).toEqual(expect.arrayContaining(['Incident', 'Exemplis', 'numéro de sécurité sociale']));
  });
});

describe('feed facets', () => {
  const items = buildFeedItems(fixture, site);
  const facets = feedFacets(fixture);

  it('has the site, every dossier, organisation and kind, and each data category the events use', () => {
    const paths = facets.map((f) => f.path);
    expect(paths[0]).toBe('');
    for (const d of fixture.dossiers) expect(paths).toContain(`dossiers/${d.id}`);
    for (const o of fixture.organizations) expect(paths).toContain(`organisations/${o.id}`);
    expect(paths).toContain('types/incident');
    expect(paths).toContain('categories/numero-de-securite-sociale');
    expect(paths).not.toContain('categories/mot-de-passe');
  });

  it('fills every facet in one pass with exactly what its own selection takes, in feed order', () => {
    const byFacet = itemsByFacet(items);
    for (const facet of facets) expect(byFacet.get(facet.path) ?? [], facet.path || 'site').toEqual(items.filter(facet.select));
    // Every path an item names is a facet of the record, and articles never reach kind or category feeds.
    const known = new Set(facets.map((f) => f.path));
    for (const item of items) for (const path of facetPathsOf(item)) expect(known.has(path), path).toBe(true);
    expect(items.filter((i) => i.type === 'article').flatMap(facetPathsOf).filter((p) => /^(types|categories)\//.test(p))).toEqual([]);
  });

  it('selects what each names: an organisation’s feed holds exactly the entries that name it', () => {
    const exemplis = facets.find((f) => f.path === 'organisations/mutuelle-fictia')!;
    const selected = items.filter(exemplis.select).map((i) => i.id);
    const expected = [
      ...fixture.events.filter((e) => e.data.organizations.includes('mutuelle-fictia') || e.data.speaker?.organization === 'mutuelle-fictia').map((e) => `https://veille-fuites.example/evenements/${e.id}/`),
      ...fixture.coverage.filter((c) => c.data.organizations.includes('mutuelle-fictia')).map((c) => `https://veille-fuites.example/revue-de-presse/#article-${c.id}`),
    ];
    expect(selected.sort()).toEqual(expected.sort());
    expect(selected.length).toBeGreaterThan(0);
    const nir = facets.find((f) => f.path === 'categories/numero-de-securite-sociale')!;
    expect(items.filter(nir.select).every((i) => i.type === 'event' && i.dataCategories.includes('numéro de sécurité sociale'))).toBe(true);
  });
});

describe('latest items of a feed', () => {
  const items = buildFeedItems(fixture, site);
  const at = (iso: string) => new Date(iso);

  it('keeps every item while the facet holds no more than the limit', () => {
    expect(latestItems(items, items.length)).toEqual(items);
  });

  it('keeps the items changed last, a correction counting as a change, in publication order', () => {
    const corrected = items.find((i) => i.id.endsWith('/evenements/exemplis-detecte-un-acces-frauduleux/'))!;
    expect(corrected.updated.getTime()).toBeGreaterThan(corrected.published.getTime());
    const limit = 3;
    const kept = latestItems(items, limit);
    expect(kept).toHaveLength(limit);
    const oldestKept = Math.min(...kept.map((i) => i.updated.getTime()));
    for (const dropped of items.filter((i) => !kept.includes(i))) expect(dropped.updated.getTime()).toBeLessThanOrEqual(oldestKept);
    expect(kept).toEqual(items.filter((i) => kept.includes(i)));
  });

  it('brings back an old item once it is corrected', () => {
    const old = { ...items.at(-1)!, updated: at('2099-01-01') };
    const kept = latestItems([...items.slice(0, -1), old], 2);
    expect(kept.map((i) => i.id)).toContain(old.id);
    expect(kept.at(-1)).toBe(old);
  });

  it('breaks ties on the change date by the feed order', () => {
    const same = items.slice(0, 4).map((i) => ({ ...i, updated: at('2030-01-01') }));
    expect(latestItems(same, 2)).toEqual(same.slice(0, 2));
  });
});

describe('feed formats', () => {
  it('RSS 2.0 parses back to the items: guid, link, dates, categories, content', async () => {
    const doc = docOf(fixture);
    const feed = await parser.parseString(await renderRss(doc));
    expect(feed.title).toBe('Veille Fuites');
    expect(feed.items.map((i) => i.guid)).toEqual(doc.items.map((i) => i.id));
    expect(feed.items.map((i) => i.link)).toEqual(doc.items.map((i) => i.url));
    expect(feed.items.map((i) => Date.parse(i.pubDate!))).toEqual(doc.items.map((i) => i.published.getTime()));
    expect(feed.items.map((i) => i['dcterms:modified'])).toEqual(doc.items.map((i) => i.updated.toISOString()));
    expect(feed.items[0]!.categories).toEqual(doc.items[0]!.categories);
    expect(feed.items.map((i) => i['content:encoded'])).toEqual(doc.items.map((i) => i.contentHtml));
  });

  it('Atom parses back with id, updated, published and the feed author', async () => {
    const doc = docOf(fixture, 'organisations/exemplis');
    const xml = renderAtom(doc);
    const feed = await parser.parseString(xml);
    expect(feed.items.map((i) => i.id)).toEqual(doc.items.map((i) => i.id));
    expect(feed.items.map((i) => i.updated)).toEqual(doc.items.map((i) => i.updated.toISOString()));
    expect(feed.items.map((i) => i.published)).toEqual(doc.items.map((i) => i.published.toISOString()));
    expect(xml).toMatch(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">[\s\S]*<author>\s*<name>Veille Fuites<\/name>/);
    expect(xml).toContain('<link rel="self" href="https://veille-fuites.example/organisations/exemplis/atom.xml"/>');
  });

  it('JSON Feed follows the 1.1 rules and carries the same items', () => {
    const doc = docOf(fixture, 'dossiers/exemplis-2025');
    const feed = JSON.parse(renderJsonFeed(doc));
    expect(jsonFeedErrors(feed)).toEqual([]);
    expect(feed.feed_url).toBe('https://veille-fuites.example/dossiers/exemplis-2025/feed.json');
    expect(feed.items.map((i: { id: string }) => i.id)).toEqual(doc.items.map((i) => i.id));
    expect(feed.items.map((i: { date_modified: string }) => i.date_modified)).toEqual(doc.items.map((i) => i.updated.toISOString()));
  });

  it('the JSON Feed checker catches a broken feed', () => {
    expect(jsonFeedErrors({ version: 'https://jsonfeed.org/version/1', items: [{ id: 'a' }, { id: 'a', content_text: '', date_published: '2024-02-01' }] })).toEqual([
      'version « https://jsonfeed.org/version/1 » : attendu https://jsonfeed.org/version/1.1',
      'title manquant',
      'items[0] sans content_html ni content_text',
      'items[1].id « a » en double',
      "items[1].date_published n'est pas une date RFC 3339",
    ]);
  });

  it('hostile text in a title stays text in every format', async () => {
    const title = 'Fuite <script>alert(1)</script> & « ]]> » chez R&D';
    const record = withEvent(fixture, 'exemplis-detecte-un-acces-frauduleux', (e) => {
      e.title = title;
      e.summary = title;
    });
    const doc = docOf(record);
    const rss = await parser.parseString(await renderRss(doc));
    const atom = renderAtom(doc);
    const json = JSON.parse(renderJsonFeed(doc));
    expect(rss.items.map((i) => i.title)).toContain(title);
    expect(json.items.map((i: { title: string }) => i.title)).toContain(title);
    expect(atom).not.toContain('<script>');
    const atomTitles = (await parser.parseString(atom)).items.map((i) => i.title);
    expect(atomTitles).toContain(title.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
    for (const item of doc.items) expect(item.contentHtml).not.toContain('<script>');
  });
});
