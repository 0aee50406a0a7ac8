/**
 * The hostile corpus (tests/hostile/corpus.ts) end to end. Through ingestion,
 * as feed items and pages on loopback, beside a feed of 50,000 items, an XML
 * entity bomb, raw invalid bytes and a page nested 20,000 deep: each input is
 * written harmless or refused with a message naming its address. Through the
 * build, as editor entries: the checker refuses the ones it must, naming each
 * file, before anything runs; the others build, and every page shows their text
 * as text. Both sites built from these trees pass the same checks as the real
 * one (CSP, html-validate, links, personal data), and the marker file that any
 * executed payload would create never appears.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as cheerio from 'cheerio';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatError } from '../../src/lib/content-check.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { runIngest } from '../../scripts/ingest.ts';
import type { RunReport } from '../../scripts/pipeline/report/index.ts';
import { checkCsp } from '../../scripts/check-dist/csp.ts';
import { validatePages } from '../../scripts/check-dist/html.ts';
import { checkLinks } from '../../scripts/check-dist/links.ts';
import { checkPersonalData, formatFinding } from '../../scripts/check-dist/personal-data.ts';
import { builtFiles } from '../../scripts/check-dist/files.ts';
import { asText, HOSTILE, MARKER } from '../hostile/corpus.ts';
import { pagePath, startHostileSites, type HostileSites } from '../hostile/sites.ts';
import { buildSite } from '../support/build-site.ts';
import { FIXTURE } from '../support/fixture-copy.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SITE = 'https://veille-fuites.example';
const work = mkdtempSync(join(tmpdir(), 'veille-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What must never be in a built page, whatever the content: markup that runs or loads. */
function activeMarkup(dist: string): string[] {
  const found: string[] = [];
  for (const page of builtFiles(dist, ['.html'])) {
    const $ = cheerio.load(readFileSync(join(dist, page), 'utf8'));
    $('script').each((_, el) => void ($(el).attr('src')?.startsWith('/_astro/') || found.push(`${page} : <script> ${$.html(el).slice(0, 80)}`)));
    $('*').each((_, el) => {
      for (const name of Object.keys((el as unknown as { attribs: Record<string, string> }).attribs ?? {})) {
        if (/^on/i.test(name) || name === 'style' || name === 'srcdoc') found.push(`${page} : attribut ${name} sur <${(el as unknown as { name: string }).name}>`);
      }
    });
    $('iframe, object, embed, base, frame, applet, meta[http-equiv="refresh" i], form:not([action^="/"])').each((_, el) => void found.push(`${page} : <${(el as unknown as { name: string }).name}>`));
  }
  return found;
}

/** Everything a built site must pass; one list of problems. */
async function siteProblems(dist: string): Promise<string[]> {
  return [
    ...checkCsp(dist).problems,
    ...(await validatePages(dist)).problems,
    ...checkLinks(dist, SITE).problems,
    ...activeMarkup(dist),
  ];
}

const oneSpace = (s: string) => s.toWellFormed().replace(/\s+/g, ' ').trim();

describe('hostile input through ingestion (loopback)', () => {
  let sites: HostileSites;
  let report: RunReport;
  const content = join(work, 'ingest', 'content');

  beforeAll(async () => {
    sites = await startHostileSites();
    cpSync(resolve(ROOT, 'tests/ingest/testdata/content'), content, { recursive: true });
    writeFileSync(join(work, 'ingest', 'sources.yaml'), sites.config);
    report = await runIngest({
      config: join(work, 'ingest', 'sources.yaml'),
      out: content,
      cache: join(work, 'ingest', '.cache'),
      dryRun: false,
      json: true,
      progress: false,
      now: () => new Date('2024-02-28T10:00:00Z'),
      fetchOverrides: { perHostDelayMs: 0, backoffMs: 10, sleep: async () => {} },
    });
  }, 300_000);
  afterAll(() => sites?.server.close());

  it('writes each input harmless or refuses it with a message naming its address', () => {
    const written = new Map<string, string>();
    for (const file of readdirSync(join(content, 'coverage')).filter((f) => f.endsWith('.mdx'))) {
      const { yaml } = splitFrontmatter(readFileSync(join(content, 'coverage', file), 'utf8'));
      written.set((parse(yaml) as { url: string }).url, file);
    }
    const rejected = new Map(report.rejected.map((r) => [r.url, r.reason]));
    const outcomes = HOSTILE.map((input) => {
      const url = `${sites.server.origin}${pagePath(input)}`;
      if (written.has(url)) return 'écrit';
      const reason = rejected.get(url);
      return reason && /^\w+ ?: .+\(http:\/\/127\.0\.0\.1:\d+\/presse\/hostile\//.test(reason) ? 'refusé' : `aucune trace de ${input.id}`;
    });
    expect(outcomes.filter((o) => o !== 'écrit' && o !== 'refusé')).toEqual([]);
    console.log(`[hostile, ingestion] ${HOSTILE.length} entrées : ${outcomes.filter((o) => o === 'écrit').length} écrites, ${outcomes.filter((o) => o === 'refusé').length} refusées`);
  });

  it('survives the entity bomb, invalid bytes, deep nesting and 50,000 items, the other sources going on', () => {
    const source = (url: string) => report.sources.find((s) => s.url === url)!;
    expect(source(sites.feeds.corpus)).toMatchObject({ status: 'ok', items: HOSTILE.length });
    expect(source(sites.feeds.bomb).status).toBe('échec');
    expect(source(sites.feeds.bomb).reason).toMatch(/^discover: .*bombe\/rss\.xml/);
    expect(source(sites.feeds.huge)).toMatchObject({ status: 'ok', items: 50_000 });
    expect(source(sites.feeds.huge).notes?.join(' ')).toMatch(/éléments ignorés/);
    expect(source(sites.feeds.rawBytes).status).toBe('ok');
    expect(source(sites.feeds.nested).status).toBe('ok');
    expect(report.rejected.find((r) => r.url.endsWith('/profond/page.html'))?.reason).toMatch(/^extract: page illisible : balises imbriquées/);
  });

  it('writes only files the checker accepts, with personal data masked, and nothing ran', () => {
    const { errors } = checkContent(content);
    expect(errors.map(formatError)).toEqual([]);
    const texts = readdirSync(join(content, 'coverage')).map((f) => readFileSync(join(content, 'coverage', f), 'utf8')).join('\n');
    expect(texts).not.toMatch(/2 85 06 75 108 042 30|FR76 3000 6000 0112 3456 7890 189|jeanne\.martin@exemple\.fr/);
    expect(existsSync(MARKER)).toBe(false);
  });

  it('builds a site from what it wrote that shows titles as text and passes every check', async () => {
    const dist = join(work, 'ingest', 'dist');
    const build = buildSite(content, dist);
    expect(build.ok, build.output.slice(-3000)).toBe(true);
    expect(await siteProblems(dist)).toEqual([]);
    expect(checkPersonalData(dist).findings.map(formatFinding)).toEqual([]);
    // Every article ingestion wrote is listed in the press review, its title as plain text.
    const press = oneSpace(cheerio.load(readFileSync(join(dist, 'revue-de-presse/index.html'), 'utf8'))('main').text());
    for (const file of readdirSync(join(content, 'coverage')).filter((f) => f.endsWith('.mdx'))) {
      const { yaml } = splitFrontmatter(readFileSync(join(content, 'coverage', file), 'utf8'));
      expect(press, file).toContain(oneSpace((parse(yaml) as { title: string }).title));
    }
    expect(existsSync(MARKER)).toBe(false);
  }, 300_000);
});

describe('hostile input as editor entries (build)', () => {
  const content = join(work, 'editor', 'content');
  const template = readFileSync(join(FIXTURE, 'events/exemplis-detecte-un-acces-frauduleux.mdx'), 'utf8');
  const { yaml: templateYaml } = splitFrontmatter(template);
  const file = (id: string) => `content/events/hostile-${id}.mdx`;

  /** One event per input: its title (YAML data) and its body (raw: the bytes themselves for invalid UTF-8). */
  beforeAll(() => {
    cpSync(FIXTURE, content, { recursive: true });
    HOSTILE.forEach((input, i) => {
      const data = parse(templateYaml) as Record<string, unknown>;
      data.title = asText(input);
      data.date = `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`;
      const head = `---\n${stringify(data, { lineWidth: 0 })}---\n\nÉvénement fictif, texte hostile écrit pour les tests :\n\n`;
      writeFileSync(join(work, 'editor', file(input.id)), Buffer.concat([Buffer.from(head), Buffer.from(typeof input.text === 'string' ? input.text : input.text), Buffer.from('\n')]));
    });
  });

  it('refuses exactly the entries that hold code, tags, unsafe links, invisible controls or oversized titles, naming each file', () => {
    const { errors } = checkContent(content);
    const refused = new Set(errors.map((e) => e.file));
    const expected = HOSTILE.filter((h) => h.editor === 'refused').map((h) => file(h.id));
    expect([...refused].sort()).toEqual(expected.sort());
    console.log(`[hostile, éditeur] ${HOSTILE.length} entrées : ${refused.size} refusées par le vérificateur, ${HOSTILE.length - refused.size} acceptées`);
  });

  it('stops the build before running anything when a refused entry is there, naming it', () => {
    const build = buildSite(content, join(work, 'editor', 'dist-refused'));
    expect(build.ok).toBe(false);
    for (const h of HOSTILE.filter((x) => x.editor === 'refused')) expect(build.output, h.id).toContain(file(h.id));
    expect(existsSync(join(work, 'editor', 'dist-refused', 'index.html'))).toBe(false);
    expect(existsSync(MARKER)).toBe(false);
  }, 300_000);

  it('builds the accepted entries, each page showing its title as text, and refuses to publish personal data', async () => {
    for (const h of HOSTILE.filter((x) => x.editor === 'refused')) rmSync(join(work, 'editor', file(h.id)));
    const dist = join(work, 'editor', 'dist');
    const build = buildSite(content, dist);
    expect(existsSync(MARKER)).toBe(false);
    // Astro built every page; then the personal-data check refused to publish (below).
    expect(existsSync(join(dist, 'index.html')), build.output.slice(-3000)).toBe(true);
    expect(await siteProblems(dist)).toEqual([]);
    for (const h of HOSTILE.filter((x) => x.editor !== 'refused')) {
      const $ = cheerio.load(readFileSync(join(dist, `evenements/hostile-${h.id}/index.html`), 'utf8'));
      expect(oneSpace($('h1').first().text()), h.id).toBe(oneSpace(asText(h)));
    }
    // The one entry carrying a social-security number, an IBAN and an address: the build ends in refusal, naming its page.
    expect(build.ok).toBe(false);
    const findings = checkPersonalData(dist).findings;
    expect(new Set(findings.map((f) => f.kind))).toEqual(new Set(['nir', 'iban', 'email']));
    expect(findings.map((f) => f.file)).toContain('evenements/hostile-personal-data/index.html');
    expect(build.output).toMatch(/evenements\/hostile-personal-data\/index\.html : numéro de sécurité sociale \(clé valide\) « 2 •• •• •• ••• ••• 30 »/);
  }, 300_000);
});
