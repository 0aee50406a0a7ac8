/**
 * The built feeds: every facet in three formats, each valid (RELAX NG with
 * Debian's jing for RSS and Atom, the JSON Feed 1.1 rules), holding exactly the
 * entries of its facet; pages announce their own feeds; newsboat reads an
 * organisation's feeds from the served site.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import Parser from 'rss-parser';
import { describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check.ts';
import { recordFromEntries, type ContentRecord } from '../../src/lib/record.ts';
import { feedFacets } from '../../src/feeds/facets.ts';
import { FEED_FORMATS } from '../../src/feeds/formats.ts';
import { FEED_ITEM_LIMIT } from '../../src/feeds/latest.ts';
import { jsonFeedErrors } from '../support/json-feed.ts';

const root = resolve(import.meta.dirname, '../..');
const schemas = resolve(root, 'tests/schemas');
const parser = new Parser();

/** Entry pages an item of the facet must be, computed from the content (not from the feed code). */
function expectedIds(record: ContentRecord, path: string): string[] {
  const [group, slug] = path.split('/');
  const event = (id: string) => `/evenements/${id}/`;
  const article = (id: string) => `/revue-de-presse/#article-${id}`;
  const events = record.events.filter((e) =>
    group === 'organisations' ? e.data.organizations.includes(slug!) || e.data.speaker?.organization === slug
    : group === 'dossiers' ? e.data.dossier === slug || e.data.related.includes(slug!)
    : group === 'types' ? e.data.kind === slug
    : true,
  );
  const coverage = record.coverage.filter((c) =>
    group === 'organisations' ? c.data.organizations.includes(slug!) : group === 'dossiers' ? c.data.dossier === slug : !group,
  );
  return [...events.map((e) => event(e.id)), ...coverage.map((c) => article(c.id))].sort();
}

/** « AAAA-MM-JJ » in Paris. */
const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Each entry page's last change (publication, revision or correction) from the content, as a Paris day. */
function lastChangeDays(record: ContentRecord): Map<string, string> {
  const days = (dates: (string | undefined)[]) => dates.filter((d): d is string => !!d).map((d) => d.slice(0, 10)).sort().at(-1)!;
  return new Map([
    ...record.events.map((e) => [`/evenements/${e.id}/`, days([e.data.date, e.data.updated, ...e.data.corrections.map((c) => c.date)])] as const),
    ...record.coverage.map((c) => [`/revue-de-presse/#article-${c.id}`, days([c.data.publishedAt])] as const),
  ]);
}

/** jing over many files at once; its output lists errors only (warnings about missing jars are dropped). */
function jing(schema: string, files: string[]) {
  const run = spawnSync('jing', ['-c', join(schemas, schema), ...files], { encoding: 'utf8' });
  if (run.error) throw new Error(`jing introuvable (apt-get install jing) : ${run.error.message}`);
  const errors = `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => l.includes('error:'));
  return { status: run.status, errors };
}

describe.each([
  ['shipped', () => inject('shippedDist'), resolve(root, 'content')],
  ['fixture', () => inject('fixtureDist'), resolve(root, 'tests/fixtures/content')],
])('%s feeds', (_name, dist, content) => {
  const record = recordFromEntries(checkContent(content).entries);
  const facets = feedFacets(record);
  const file = (path: string, name: string) => join(dist(), path, name);

  it('publishes RSS, Atom and JSON Feed for the site and each dossier, organisation, kind and data category', () => {
    expect(facets.length).toBe(1 + record.dossiers.length + record.organizations.length + 7 + facets.filter((f) => f.group === 'categorie').length);
    const missing = facets.flatMap((f) => ['rss.xml', 'atom.xml', 'feed.json'].map((n) => join(f.path, n))).filter((p) => !existsSync(join(dist(), p)));
    expect(missing).toEqual([]);
  });

  it('every RSS file validates against the RSS 2.0 RELAX NG schema, every Atom file against Atom’s', () => {
    const rss = jing('rss-2.0.rnc', facets.map((f) => file(f.path, 'rss.xml')));
    expect(rss.errors).toEqual([]);
    expect(rss.status).toBe(0);
    const atom = jing('atom.rnc', facets.map((f) => file(f.path, 'atom.xml')));
    expect(atom.errors).toEqual([]);
    expect(atom.status).toBe(0);
  });

  it('every feed parses and holds its facet’s entries, the latest ones past the limit, with the same ids in the three formats', async () => {
    const idPath = (id: string) => new URL(id).pathname + new URL(id).hash;
    for (const facet of facets) {
      const expected = facet.group === 'categorie' ? undefined : expectedIds(record, facet.path);
      const rss = await parser.parseString(readFileSync(file(facet.path, 'rss.xml'), 'utf8'));
      const atom = await parser.parseString(readFileSync(file(facet.path, 'atom.xml'), 'utf8'));
      const json = JSON.parse(readFileSync(file(facet.path, 'feed.json'), 'utf8'));
      expect(jsonFeedErrors(json), facet.path).toEqual([]);
      const rssIds = rss.items.map((i) => idPath(i.guid!)).sort();
      if (expected && expected.length <= FEED_ITEM_LIMIT) expect(rssIds, facet.path).toEqual(expected);
      if (expected && expected.length > FEED_ITEM_LIMIT) {
        // Past the limit: entries of the facet only, and none left out that changed after one kept.
        expect(rssIds, facet.path).toHaveLength(FEED_ITEM_LIMIT);
        expect(expected, facet.path).toEqual(expect.arrayContaining(rssIds));
        const keptDays = new Map<string, string>(json.items.map((i: { id: string; date_modified: string }) => [idPath(i.id), parisDay.format(new Date(i.date_modified))]));
        const oldestKept = [...keptDays.values()].sort()[0]!;
        const lastChange = lastChangeDays(record);
        for (const id of expected.filter((id) => !keptDays.has(id))) expect(lastChange.get(id)! <= oldestKept, `${facet.path} ${id} changé après ${oldestKept}`).toBe(true);
      }
      expect(atom.items.map((i) => idPath(i.id!)).sort(), facet.path).toEqual(rssIds);
      expect(json.items.map((i: { id: string }) => idPath(i.id)).sort(), facet.path).toEqual(rssIds);
    }
  });

  it('a data category’s feed holds the events that report it exposed or not exposed', async () => {
    for (const facet of facets.filter((f) => f.group === 'categorie')) {
      const category = facet.title.replace(/^Veille Fuites : /, '');
      const expected = record.events.filter((e) => e.data.exposed.includes(category as never) || e.data.notExposed.includes(category as never)).map((e) => `/evenements/${e.id}/`).sort();
      const rss = await parser.parseString(readFileSync(file(facet.path, 'rss.xml'), 'utf8'));
      expect(rss.items.map((i) => new URL(i.guid!).pathname).sort(), facet.path).toEqual(expected);
    }
  });

  it('each organisation, dossier and kind page announces and links its own feeds, and they exist', () => {
    for (const facet of facets.filter((f) => f.group !== 'categorie' && f.group !== 'site')) {
      const html = readFileSync(join(dist(), facet.page, 'index.html'), 'utf8');
      for (const { type, file: name } of Object.values(FEED_FORMATS)) {
        expect(html, facet.page).toMatch(new RegExp(`<link rel="alternate" type="${type.replace('+', '\\+')}"[^>]*href="https://[^"]+/${facet.path}/${name}"`));
        expect(html, facet.page).toContain(`href="/${facet.path}/${name}"`);
      }
    }
    const subscribe = readFileSync(join(dist(), 's-abonner/index.html'), 'utf8');
    for (const facet of facets) expect(subscribe).toContain(`href="/${facet.path ? `${facet.path}/` : ''}atom.xml"`);
  });
});

describe('newsboat', () => {
  it('reads the RSS and Atom feeds of one organisation from the served site, every item, without error', async () => {
    const record = recordFromEntries(checkContent(resolve(root, 'content')).entries);
    const org = 'almerys';
    const expected = expectedIds(record, `organisations/${org}`).length;
    expect(expected).toBeGreaterThan(10);
    // newsboat keys items by guid across feeds: one cache per feed, so each feed is counted whole.
    for (const name of ['rss.xml', 'atom.xml']) {
      const dir = mkdtempSync(join(tmpdir(), 'vf-newsboat-'));
      const url = `${inject('siteUrl')}/organisations/${org}/${name}`;
      writeFileSync(join(dir, 'urls'), `${url}\n`);
      const run = spawnSync('newsboat', ['-u', 'urls', '-c', 'cache.db', '-C', '/dev/null', '-x', 'reload', '-l', '3', '-d', 'newsboat.log'], {
        cwd: dir,
        env: { ...process.env, HOME: dir },
        encoding: 'utf8',
        timeout: 60_000,
      });
      if (run.error) throw new Error(`newsboat introuvable (apt-get install newsboat) : ${run.error.message}`);
      expect(run.status).toBe(0);
      const log = readFileSync(join(dir, 'newsboat.log'), 'utf8');
      expect(log.split('\n').filter((l) => /USERERROR|ERROR/.test(l))).toEqual([]);
      const count = spawnSync('sqlite3', [join(dir, 'cache.db'), `select count(*) from rss_item where feedurl = '${url}'`], { encoding: 'utf8' });
      if (count.error) throw new Error(`sqlite3 introuvable (apt-get install sqlite3) : ${count.error.message}`);
      expect(Number(count.stdout.trim()), name).toBe(Math.min(expected, FEED_ITEM_LIMIT));
    }
  });
});
