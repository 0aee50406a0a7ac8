/**
 * End to end: the whole pipeline against a local server of synthetic French
 * news sites, on a copy of a small content tree in a temp dir.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, unlinkSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { checkContent, formatError } from '../../src/lib/content-check.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { main, runIngest, type IngestOptions } from '../../scripts/ingest.ts';
import { exitCode, type RunReport } from '../../scripts/pipeline/report/index.ts';
import { startSites, type Sites } from './sites.ts';
import { FIXTURE, fileTree, ingestOptions, makeWorkspace } from './workspace.ts';

const ROOT = join(import.meta.dirname, '..', '..');

let sites: Sites;
let work: string;
const sleeps: number[] = [];

let remove: () => void;
beforeAll(async () => {
  sites = await startSites();
  const ws = makeWorkspace('vf-ingest-', sites.config);
  work = ws.dir;
  remove = ws.remove;
});
afterAll(async () => {
  await sites.server.close();
  remove();
});

const options = (over: Partial<IngestOptions> = {}) => ingestOptions(work, { sleep: async (ms) => void sleeps.push(ms) }, over);
const tree = fileTree;

const coverageFiles = () => readdirSync(join(work, 'content', 'coverage')).filter((f) => f.endsWith('.mdx') && f !== 'editeur-article-existant.mdx').sort();
const readEntry = (f: string) => {
  const text = readFileSync(join(work, 'content', 'coverage', f), 'utf8');
  const { yaml, body } = splitFrontmatter(text);
  return { text, data: parse(yaml) as Record<string, any>, body };
};

describe('ingest, first run', () => {
  let report: RunReport;
  beforeAll(async () => {
    report = await runIngest(options());
  }, 60_000);

  it('reports every source, the faulty ones with their reason, and goes on', () => {
    const byUrl = new Map(report.sources.map((s) => [s.url, s]));
    for (const [url, reason] of Object.entries(sites.faults)) {
      expect(byUrl.get(url)?.status, url).toBe('échec');
      expect(byUrl.get(url)?.reason, url).toMatch(reason);
    }
    const o = sites.server.origin;
    expect(byUrl.get(`${o}/faults/flaky.xml`)?.status).toBe('ok');
    expect(byUrl.get(`${o}/faults/busy.xml`)?.status).toBe('ok');
    expect(sleeps).toContain(2000);
    expect(byUrl.get(`${o}/faults/truncated.xml`)).toMatchObject({ status: 'ok', items: 1, notes: ['flux tronqué : 1 éléments complets lus'] });
    expect(byUrl.get(`${o}/faults/huge.xml`)).toMatchObject({ status: 'ok', items: 5000, kept: 0 });
    expect(sites.server.hits('/prive/rss.xml')).toBe(0);
    expect(report.sources.filter((s) => s.status === 'ok')).toHaveLength(report.sources.length - Object.keys(sites.faults).length);
    expect(exitCode(report)).toBe(0);
  });

  it('writes one valid file per relevant article and counts the rest', () => {
    // 10 relevant articles, one of them already described by an editor's entry (protected).
    expect(report.totals).toMatchObject({ new: 9, updated: 0, unchanged: 0, duplicates: 1, rejected: 0, protected: 1 });
    expect(report.totals.irrelevant).toBeGreaterThanOrEqual(5002);
    expect(report.totals.outOfWindow).toBe(1);
    expect(coverageFiles()).toHaveLength(9);
    const check = checkContent(join(work, 'content'));
    expect(check.errors.map(formatError)).toEqual([]);
    expect(report.rejected).toEqual([]);
  });

  it('fills the fields from each kind of page', () => {
    const files = coverageFiles().map(readEntry);
    const byCanon = new Map(files.map((f) => [f.data['canonicalUrl'] as string, f.data]));
    expect(byCanon.get('https://www.sante-hebdo.example/tiers-payant-almerys-confirme-une-intrusion/20240206')).toMatchObject({
      publisher: 'sante-hebdo',
      author: 'Claire Dumontel',
      publishedAt: '2024-02-06T09:45',
      organizations: ['almerys', 'viamedis', 'cnil'],
      event: 'almerys-annonce-intrusion',
      provenance: { grouping: 'nearest-event', fetchedAt: '2024-02-20T11:00', reviewed: false },
      origin: 'ingest',
    });
    const o = sites.server.origin;
    const jo = files.find((f) => f.data['publisher'] === 'journal-ouest')!.data;
    expect(jo['title']).toBe('Mutuelles\u00a0: l’attaque contre les opérateurs de tiers payant coûtera cher');
    expect(jo['url']).toBe(`${o}/journal-ouest/economie/mutuelles-attaque-tiers-payant-cout.html`);
    expect(files.find((f) => f.data['publisher'] === 'echo-du-bocage')!.data['publishedAt']).toBe('2024-02-08T18:05');
    expect(files.find((f) => f.data['publisher'] === 'portail-actu')!.data).toMatchObject({ author: 'Lucien Fabre', publishedAt: '2024-02-05T21:04' });
    expect(files.find((f) => f.data['publisher'] === 'quotidien-premium')!.data['author']).toBe('Marc Olivetti, Inès Barakat');
    // AMP copy and original are one entry, under the canonical address.
    const mag = files.filter((f) => f.data['publisher'] === 'mag-eco');
    expect(mag).toHaveLength(1);
    expect(mag[0]!.data['canonicalUrl']).toBe('https://www.mag-eco.example/entreprises/fuite-tiers-payant-33-millions-cnil');
    expect(mag[0]!.data['url']).toBe(`${o}/mag-eco/entreprises/fuite-tiers-payant-33-millions-cnil`);
  });

  it('groups the syndicated dispatch into one story with two sources', () => {
    const files = coverageFiles().map(readEntry);
    const a = files.find((f) => f.data['publisher'] === 'courrier-du-sud')!.data;
    const b = files.find((f) => f.data['publisher'] === 'info-alpes')!.data;
    expect(a['story']).toBeDefined();
    expect(a['story']).toBe(b['story']);
    expect(a['event']).toBe('cnil-plus-de-33-millions');
    expect(b['event']).toBe('cnil-plus-de-33-millions');
    // The publisher declared only in the config was added.
    expect(existsSync(join(work, 'content', 'publishers', 'info-alpes.yaml'))).toBe(true);
  });

  it('never stores personal data and keeps short attributed quotations', () => {
    for (const f of coverageFiles().map(readEntry)) {
      expect(f.text).not.toMatch(/2 85 06 75 108 042 30|FR76 3000|jeanne\.dupont|06 12 34 56 78/);
      if (f.data['excerpt']) {
        expect((f.data['excerpt'] as string).length).toBeLessThanOrEqual(300);
        expect(f.body).toContain('> —');
      }
    }
  });

  it('leaves the editor’s own entry alone and lists unassigned articles', () => {
    expect(readFileSync(join(work, 'content', 'coverage', 'editeur-article-existant.mdx'), 'utf8')).toBe(readFileSync(join(FIXTURE, 'coverage', 'editeur-article-existant.mdx'), 'utf8'));
    expect(report.protectedFiles).toEqual([{ file: 'editeur-article-existant.mdx', outcome: 'entrée d’éditeur' }]);
    for (const u of report.unassigned) expect(readEntry(u.file).data['event']).toBeUndefined();
  });

  describe('second run with nothing new', () => {
    let second: RunReport;
    let before: Record<string, string>;
    let requestsBefore: number;
    beforeAll(async () => {
      before = { ...tree(join(work, 'content')), ...tree(join(work, '.cache')) };
      requestsBefore = sites.server.log.length;
      second = await runIngest(options({ now: () => new Date('2024-02-21T10:00:00Z') }));
    }, 60_000);

    it('writes no file', () => {
      expect(second.totals).toMatchObject({ new: 0, updated: 0, unchanged: 9, rejected: 0, protected: 1 });
      expect(second.written).toEqual([]);
      expect({ ...tree(join(work, 'content')), ...tree(join(work, '.cache')) }).toEqual(before);
    });

    it('sends conditional requests and gets 304s', () => {
      const requests = sites.server.log.slice(requestsBefore).filter((r) => !r.path.startsWith('/faults') && !r.path.startsWith('/absent') && !r.path.startsWith('/prive'));
      expect(requests.length).toBeGreaterThan(10);
      for (const r of requests) expect(Boolean(r.headers['if-none-match'] || r.headers['if-modified-since']), r.path).toBe(true);
      expect(second.http.notModified).toBeGreaterThanOrEqual(requests.length - 1);
    });
  });

  describe('editors', () => {
    it('an edited file is kept byte for byte, a deleted one is not brought back', async () => {
      const [first, secondFile] = coverageFiles();
      const editedPath = join(work, 'content', 'coverage', first!);
      const edited = readFileSync(editedPath, 'utf8').replace('reviewed: false', 'reviewed: true');
      writeFileSync(editedPath, edited);
      unlinkSync(join(work, 'content', 'coverage', secondFile!));
      const r = await runIngest(options());
      expect(readFileSync(editedPath, 'utf8')).toBe(edited);
      expect(existsSync(join(work, 'content', 'coverage', secondFile!))).toBe(false);
      expect(r.protectedFiles.map((p) => p.outcome).sort()).toEqual(['entrée d’éditeur', 'relu par un éditeur', 'supprimé par un éditeur (pierre tombale)']);
      expect(readFileSync(join(work, 'content', 'coverage', '.tombstones.yaml'), 'utf8')).toContain('url: ');
      expect(checkContent(join(work, 'content')).errors.map(formatError)).toEqual([]);
    }, 60_000);

    it('a second run at once is stopped by the lock', async () => {
      writeFileSync(join(work, 'content', 'coverage', '.ingest.lock'), JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), startedAt: 'maintenant' }));
      try {
        await expect(runIngest(options())).rejects.toThrow(/^write: une autre ingestion est en cours/);
      } finally {
        unlinkSync(join(work, 'content', 'coverage', '.ingest.lock'));
      }
    });
  });
});

describe('command line', () => {
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ingest.ts'), ...args], { cwd: work, encoding: 'utf8', timeout: 30_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('exit 2 on bad arguments or a bad config, with a clear message', async () => {
    expect(run(['--nope']).code).toBe(2);
    expect(run(['--nope']).err).toMatch(/^ingest: Unknown option '--nope'/);
    expect(run(['--since', 'hier', '--out', join(work, 'content')]).err).toMatch(/^ingest: --since attend une date AAAA-MM-JJ/);
    writeFileSync(join(work, 'bad.yaml'), 'feeds:\n  - ftp://exemple.fr/flux\nfedds: []\n');
    const bad = run(['--config', join(work, 'bad.yaml'), '--out', join(work, 'content')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('config: ');
    expect(bad.err).toContain('champ « feeds[0] » : adresse http:// ou https:// attendue');
    expect(bad.err).toContain('fedds');
    writeFileSync(join(work, 'empty.yaml'), 'lists: []\n');
    expect(await main(['--config', join(work, 'empty.yaml'), '--out', join(work, 'content')])).toBe(2);
    // Five processes started one after the other: generous on a loaded machine.
  }, 90_000);

  it('exit 1 and a clean report when every source is unreachable (no network)', () => {
    const port = sites.server.port + 1;
    writeFileSync(join(work, 'offline.yaml'), `feeds:\n  - http://127.0.0.1:${port}/rss.xml\n  - http://127.0.0.1:${port}/autre.xml\n`);
    const r = run(['--config', join(work, 'offline.yaml'), '--out', join(work, 'content'), '--cache', join(work, '.cache-offline'), '--json']);
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.out) as RunReport;
    expect(rep.sources.map((s) => s.status)).toEqual(['échec', 'échec']);
    for (const s of rep.sources) expect(s.reason).toMatch(/^fetch: site injoignable .*ECONNREFUSED/);
    expect(r.err).toContain('ingest: toutes les sources ont échoué');
  });

  /** Without blocking this process: the test server lives in it. */
  const runAsync = (args: string[]) =>
    new Promise<{ code: number | null; out: string; err: string }>((done) => {
      const child = spawn(process.execPath, [join(ROOT, 'scripts', 'ingest.ts'), ...args], { cwd: work });
      let out = '';
      let err = '';
      child.stdout.on('data', (c) => (out += c));
      child.stderr.on('data', (c) => (err += c));
      child.on('close', (code) => done({ code, out, err }));
    });

  it('the smallest config works and prints a table', async () => {
    writeFileSync(join(work, 'small.yaml'), `feeds:\n  - ${sites.server.origin}/alpes/rss.xml\n`);
    const before = tree(join(work, 'content'));
    const r = await runAsync(['--config', join(work, 'small.yaml'), '--out', join(work, 'content'), '--cache', join(work, '.cache-small'), '--dry-run']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Nouveaux');
    expect(r.out).toContain('Essai à blanc');
    // Already ingested by the first run (same canonical address): unchanged.
    expect(r.out).toMatch(/│ 1\s+│ 0\s+│ 0\s+│ 1\s+│/);
    // A dry run writes nothing, not even the lock.
    expect(tree(join(work, 'content'))).toEqual(before);
  });
});
