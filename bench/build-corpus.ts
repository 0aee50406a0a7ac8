/**
 * Synthetic content trees for the build benchmark: dossiers, events (.mdx),
 * press coverage (.mdx), organisations (.md) with relations and publishers
 * (.yaml), French-like and seeded, written as an editor or ingestion would
 * (frontmatter through the `yaml` library), so the real checker and the real
 * site accept them. Every URL is on a reserved domain (RFC 2606 `.example`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { cap, pseudoWord, rng, sentenceMaker } from './search-corpus.ts';
import { DATA_CATEGORIES, EVENT_KINDS, ORGANIZATION_KINDS } from '../src/schemas/vocabulary.ts';

export interface ContentCounts {
  dossiers: number;
  events: number;
  coverage: number;
  organizations: number;
  publishers: number;
  /** Everything written: the entry count the benchmark is sized by. */
  total: number;
}

/** How `size` entries split: 5 % organisations, about 1 publisher per 250 entries, 40 % events, the rest articles. */
export function countsFor(size: number): ContentCounts {
  const dossiers = Math.max(3, Math.round(size / 1000));
  const organizations = Math.max(20, Math.round(size * 0.05));
  const publishers = Math.max(10, Math.round(size / 250));
  const events = Math.round(size * 0.4);
  const coverage = size - dossiers - organizations - publishers - events;
  return { dossiers, events, coverage, organizations, publishers, total: size };
}

// Every string quoted: dates stay text, read in Paris time (the checker refuses unquoted timestamps).
const YAML_OPTIONS = { lineWidth: 0, defaultStringType: 'QUOTE_SINGLE' } as const;
const pad = (n: number) => String(n).padStart(2, '0');
const frontmatter = (data: object, body = '') => `---\n${stringify(data, YAML_OPTIONS)}---\n${body ? `\n${body}\n` : ''}`;

/** Writes `size` entries under `dir` (content/ layout) and returns the counts. */
export function writeContent(dir: string, size: number, seed = 12): ContentCounts {
  const counts = countsFor(size);
  const r = rng(seed);
  const sentence = sentenceMaker(r, size, rng(0x5eed));
  for (const sub of ['dossiers', 'events', 'coverage', 'organizations', 'publishers']) mkdirSync(join(dir, sub), { recursive: true });

  const orgs = Array.from({ length: counts.organizations }, (_, i) => `organisation-${i}`);
  const kinds = Object.keys(ORGANIZATION_KINDS);
  orgs.forEach((slug, i) => {
    const name = `${cap(pseudoWord(r))} ${r.pick(['Santé', 'Mutuelle', 'Assurances', 'Services', 'Conseil', 'Prévoyance'])} ${i}`;
    // One organisation in five is a client of another: relations read both ways on organisation pages.
    const relations = i > 0 && r.next() < 0.2 ? [{ type: 'client-de', target: orgs[r.int(i)], source: `https://org-${i}.example/clients` }] : [];
    writeFileSync(
      join(dir, 'organizations', `${slug}.md`),
      frontmatter({ name, aliases: r.next() < 0.3 ? [name.split(' ').map((w) => w[0]).join('')] : [], kind: r.pick(kinds), description: `${sentence(12, 30)}.`, sources: [`https://org-${i}.example/`], relations }),
    );
  });
  // Organisations named by entries: mildly skewed, so a few are named often but none by everything.
  const someOrgs = () => [...new Set(Array.from({ length: 1 + r.int(3) }, () => orgs[Math.floor(Math.pow(r.next(), 1.3) * orgs.length)]!))];

  const publishers = Array.from({ length: counts.publishers }, (_, i) => `editeur-${i}`);
  publishers.forEach((slug) => {
    const name = `${cap(pseudoWord(r))} ${r.pick(['Info', 'Actu', 'Presse', 'Hebdo', 'Matin', 'Soir'])}`;
    writeFileSync(join(dir, 'publishers', `${slug}.yaml`), stringify({ name, domains: [`${slug}.example`], website: `https://${slug}.example`, feeds: [`https://${slug}.example/rss.xml`], language: 'fr' }, YAML_OPTIONS));
  });

  // Dossiers: each runs three years from its start, between 2016 and 2022.
  const dossiers = Array.from({ length: counts.dossiers }, (_, i) => ({ slug: `dossier-${i}`, start: new Date(Date.UTC(2016 + (i % 7), (i * 5) % 12, 1 + (i % 27))) }));
  dossiers.forEach((d, i) => {
    const name = `Fuite chez ${cap(pseudoWord(r))} ${i}`;
    writeFileSync(
      join(dir, 'dossiers', `${d.slug}.yaml`),
      stringify({
        title: `${name} (${d.start.getUTCFullYear()})`,
        shortTitle: name,
        summary: `${sentence(20, 40)}.`,
        period: { start: d.start.toISOString().slice(0, 10) },
        organizations: someOrgs(),
        topicTerms: [{ term: name, weight: 3 }],
        main: i === 0,
      }, YAML_OPTIONS),
    );
  });
  const dayIn = (d: (typeof dossiers)[number], maxDays = 3 * 365) => new Date(d.start.getTime() + r.int(maxDays) * 86400000);
  const stamp = (t: Date, timed: boolean) => `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}${timed ? `T${pad(8 + r.int(12))}:${pad(r.int(60))}` : ''}`;

  const eventKinds = (Object.keys(EVENT_KINDS) as (keyof typeof EVENT_KINDS)[]).filter((k) => k !== 'statement');
  const events: { slug: string; dossier: number; date: Date }[] = [];
  for (let i = 0; i < counts.events; i++) {
    const dossier = i % dossiers.length;
    const date = dayIn(dossiers[dossier]!);
    const slug = `evenement-${i}`;
    events.push({ slug, dossier, date });
    const source = `https://source-${i % 97}.example/${slug}`;
    const related = r.next() < 0.03 && dossiers.length > 1 ? [dossiers[(dossier + 1) % dossiers.length]!.slug] : [];
    writeFileSync(
      join(dir, 'events', `${slug}.mdx`),
      frontmatter(
        {
          dossier: dossiers[dossier]!.slug,
          title: `${sentence(5, 12)}`.slice(0, 160),
          date: stamp(date, r.next() < 0.3),
          kind: r.pick(eventKinds),
          organizations: someOrgs(),
          related,
          exposed: [...new Set(Array.from({ length: r.int(3) }, () => r.pick(DATA_CATEGORIES)))],
          sources: [{ url: source, publisher: 'Source', published: stamp(date, false) }],
          status: 'confirmé',
          summary: `${sentence(15, 30)}.`,
        },
        `${sentence(25, 60)}.\n\n${sentence(20, 40)}.`,
      ),
    );
  }

  for (let i = 0; i < counts.coverage; i++) {
    // Seven articles in ten report an event and follow it within a month; the rest stand alone.
    const about = r.next() < 0.7 ? events[r.int(events.length)] : undefined;
    const dossier = about?.dossier ?? r.int(dossiers.length);
    const date = about ? new Date(about.date.getTime() + r.int(30) * 86400000) : dayIn(dossiers[dossier]!);
    const publisher = publishers[r.int(publishers.length)]!;
    const url = `https://${publisher}.example/${date.getUTCFullYear()}/article-${i}`;
    writeFileSync(
      join(dir, 'coverage', `article-${i}.mdx`),
      frontmatter({
        dossier: dossiers[dossier]!.slug,
        url,
        canonicalUrl: url,
        publisher,
        title: `${sentence(6, 14)}`.slice(0, 200),
        publishedAt: stamp(date, true),
        excerpt: `${sentence(10, 25)}.`.slice(0, 200),
        organizations: someOrgs(),
        ...(about ? { event: about.slug } : {}),
        provenance: { via: `https://${publisher}.example/rss.xml`, grouping: about ? 'nearest-event' : 'unassigned', reviewed: true },
        origin: 'ingest',
      }),
    );
  }
  return counts;
}

/** The baseline's input: `count` MDX pages with a title and two paragraphs of the same kind of text. */
export function writeBareEntries(dir: string, count: number, extension: 'mdx' | 'md' = 'mdx', seed = 12): void {
  const r = rng(seed);
  const sentence = sentenceMaker(r, count, rng(0x5eed));
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    writeFileSync(join(dir, `page-${i}.${extension}`), frontmatter({ title: sentence(5, 12) }, `${sentence(25, 60)}.\n\n${sentence(20, 40)}.`));
  }
}
