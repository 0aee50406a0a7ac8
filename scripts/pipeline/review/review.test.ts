import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoverageStore } from '../write/index.ts';
import { apply } from './actions.ts';
import { loadReviewQueue } from './queue.ts';
import { articleCard } from './render.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const ARTICLE = `---
# Une note d'un éditeur, à garder.
dossier: essai
url: https://www.gazette.example/a?utm_source=rss
canonicalUrl: https://www.gazette.example/a
publisher: gazette
title: "Titre \\u001b[31mrouge"
publishedAt: '2024-02-06T10:00'
organizations: [viamedis]
event: evenement-a
provenance:
  via: https://www.gazette.example/rss.xml
  grouping: nearest-event
  reviewed: false
  evidence: { score: 12, threshold: 7, terms: [{ term: Viamedis, hits: 3 }], eventScore: 0.4 }
origin: ingest
locked: false
ingestHash: 'abc'
---

> Une citation.
>
> — La Gazette, « Titre »
`;

function tree() {
  const d = mkdtempSync(join(tmpdir(), 'vf-review-'));
  dirs.push(d);
  for (const c of ['coverage', 'publishers', 'events']) mkdirSync(join(d, c));
  writeFileSync(join(d, 'coverage', 'gazette-a.mdx'), ARTICLE);
  writeFileSync(join(d, 'coverage', 'casse.mdx'), '---\ntitle: [pas fermé\n---\n');
  writeFileSync(join(d, 'publishers', 'gazette.yaml'), '# créé par la collecte\nname: La Gazette\ndomains: [gazette.example]\norigin: ingest\nreviewed: false\n');
  writeFileSync(join(d, 'events', 'evenement-a.mdx'), "---\ntitle: Événement A\ndate: '2024-02-05'\n---\n");
  writeFileSync(join(d, 'events', 'evenement-b.mdx'), "---\ntitle: Événement B\ndate: '2024-02-07'\n---\n");
  return d;
}

describe('review queue and decisions', () => {
  it('lists the article with its evidence and event, and a broken file apart', () => {
    const q = loadReviewQueue(tree());
    expect(q.articles).toHaveLength(1);
    expect(q.articles[0]).toMatchObject({ slug: 'gazette-a', event: { slug: 'evenement-a', title: 'Événement A', date: '2024-02-05' }, evidence: { score: 12 }, publisher: { name: 'La Gazette', reviewed: false } });
    expect(q.publishers.map((p) => p.slug)).toEqual(['gazette']);
    expect(q.broken.map((b) => b.file)).toEqual(['coverage/casse.mdx']);
    // An escape sequence in a scraped title never reaches the terminal.
    expect(articleCard(q.articles[0]!)).not.toContain('\u001b');
  });

  it('changes only the fields concerned: comments, other fields and body stay byte for byte', () => {
    const d = tree();
    apply(d, { action: 'event', slug: 'gazette-a', event: 'evenement-b' });
    const after = readFileSync(join(d, 'coverage', 'gazette-a.mdx'), 'utf8');
    const expected = ARTICLE.replace('event: evenement-a', 'event: evenement-b').replace('grouping: nearest-event', 'grouping: editor').replace('reviewed: false', 'reviewed: true');
    expect(after).toBe(expected);
    expect(() => apply(d, { action: 'accept', slug: 'gazette-a' })).toThrow(/^review: coverage\/gazette-a\.mdx : déjà relu$/);
    apply(d, { action: 'event', slug: 'gazette-a', event: null });
    expect(readFileSync(join(d, 'coverage', 'gazette-a.mdx'), 'utf8')).toBe(expected.replace('event: evenement-b\n', ''));
    // A key the file lacks is added at the end of the frontmatter, the rest untouched.
    apply(d, { action: 'event', slug: 'gazette-a', event: 'evenement-a' });
    expect(readFileSync(join(d, 'coverage', 'gazette-a.mdx'), 'utf8')).toBe(expected.replace('event: evenement-b\n', '').replace("ingestHash: 'abc'\n", "ingestHash: 'abc'\nevent: evenement-a\n"));
    apply(d, { action: 'accept', slug: 'gazette' });
    expect(readFileSync(join(d, 'publishers', 'gazette.yaml'), 'utf8')).toBe('# créé par la collecte\nname: La Gazette\ndomains: [gazette.example]\norigin: ingest\nreviewed: true\n');
  });

  it('still applies a decision to a frontmatter written in another shape (flow mapping)', () => {
    const d = tree();
    const flow = ARTICLE.replace(/provenance:\n(?:  .*\n)+/, "provenance: { via: editor, grouping: nearest-event, reviewed: false }\n");
    writeFileSync(join(d, 'coverage', 'gazette-a.mdx'), flow);
    apply(d, { action: 'lock', slug: 'gazette-a' });
    const text = readFileSync(join(d, 'coverage', 'gazette-a.mdx'), 'utf8');
    expect(text).toContain("# Une note d'un éditeur, à garder.");
    expect(text).toMatch(/reviewed: true/);
    expect(text).toMatch(/^locked: true$/m);
    expect(text.endsWith('\n> — La Gazette, « Titre »\n')).toBe(true);
  });

  it('a rejected article leaves a tombstone ingestion honours, and takes its lone new publisher with it', () => {
    const d = tree();
    expect(apply(d, { action: 'reject', slug: 'gazette-a' }, '2024-03-01')).toEqual(['coverage/gazette-a.mdx', 'coverage/.tombstones.yaml', 'publishers/gazette.yaml']);
    expect(existsSync(join(d, 'coverage', 'gazette-a.mdx'))).toBe(false);
    expect(new CoverageStore(join(d, 'coverage')).isTombstoned('https://www.gazette.example/a')).toBe(true);
    expect(readFileSync(join(d, 'coverage', '.tombstones.yaml'), 'utf8')).toContain('reason: hors sujet (relecture)');
  });

  it('refuses an unknown slug or event and an editor’s entry, naming the file', () => {
    const d = tree();
    writeFileSync(join(d, 'coverage', 'a-la-main.mdx'), ARTICLE.replace('origin: ingest', 'origin: editor'));
    expect(() => apply(d, { action: 'lock', slug: 'absent' })).toThrow('review: article « absent » introuvable (aucun fichier coverage/absent.mdx)');
    expect(() => apply(d, { action: 'event', slug: 'gazette-a', event: 'inconnu' })).toThrow('review: coverage/gazette-a.mdx : événement « inconnu » introuvable');
    expect(() => apply(d, { action: 'reject', slug: 'a-la-main' })).toThrow(/^review: coverage\/a-la-main\.mdx : entrée d’éditeur/);
    expect(() => apply(d, { action: 'accept', slug: 'casse' })).toThrow(/^review: coverage\/casse\.mdx : frontmatter illisible/);
    expect(existsSync(join(d, 'coverage', 'a-la-main.mdx'))).toBe(true);
  });
});
