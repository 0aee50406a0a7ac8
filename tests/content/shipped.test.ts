/**
 * The shipped record itself: what a journalist citing the site relies on.
 * Reads content/ directly (no build, no ../shared/): the committed copy is the truth.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { checkContent, formatError, type LoadedEntry } from '../../src/lib/content-check.ts';
import { parisToday } from '../../src/lib/dates.ts';
import { citedUrlOf, type CitedUrl } from '../../src/schemas/fields.ts';
import { concernOf } from '../../src/lib/concern.ts';

type Data = Record<string, any>;
let entries: LoadedEntry[];
let errors: string[];
const of = (collection: string) => entries.filter((e) => e.collection === collection);

beforeAll(() => {
  const result = checkContent(resolve(import.meta.dirname, '../../content'));
  entries = result.entries;
  errors = result.errors.map(formatError);
});

describe('the shipped content', () => {
  it('passes every schema and cross-entry check (references resolve, no duplicate, nothing in the future)', () => {
    expect(errors).toEqual([]);
  });

  it('gives every event at least one verified source', () => {
    const unsourced = of('events').filter((e) => !(e.data.sources as Data[]).some((s) => s.verified));
    expect(unsourced.map((e) => e.file)).toEqual([]);
    expect(of('events').length).toBeGreaterThanOrEqual(43);
  });

  it('ties every figure claim to one of its event’s sources', () => {
    const orphans = of('events').flatMap((e) =>
      (e.data.figures as Data[]).filter((f) => !(e.data.sources as Data[]).some((s) => s.url === f.source)).map((f) => `${e.file}: ${f.key}`),
    );
    expect(orphans).toEqual([]);
  });

  it('describes each article once', () => {
    const urls = of('coverage').flatMap((c) => [...new Set([c.data.url, c.data.canonicalUrl] as string[])]);
    expect(urls.filter((u, i) => urls.indexOf(u) !== i)).toEqual([]);
  });

  it('dates nothing after today', () => {
    const today = parisToday();
    const dates = [
      ...of('events').flatMap((e) => [e.data.date, e.data.updated, ...(e.data.sources as Data[]).map((s) => s.published)]),
      ...of('coverage').map((c) => c.data.publishedAt),
    ].filter((d): d is string => typeof d === 'string');
    expect(dates.filter((d) => d.slice(0, 10) > today)).toEqual([]);
  });

  it('sources every client relation, and flags one whose page was not found again', () => {
    const ties = of('organizations').flatMap((o) => (o.data.relations as Data[]).filter((r) => r.type === 'client-de' || r.type === 'ancien-client-de').map((r) => ({ org: o.slug, ...r }) as Data));
    expect(ties.length).toBeGreaterThan(20);
    for (const t of ties) {
      expect(t.source, `${t.org} → ${t.target}`).toMatch(/^https?:\/\//);
      if (t.verified === false) expect(t.note, `${t.org} → ${t.target}`).toBeTruthy();
    }
  });

  it('sources every organisation description with at least one address', () => {
    const bare = of('organizations').filter((o) => (o.data.sources as unknown[]).length === 0 && (o.data.relations as unknown[]).length === 0);
    expect(bare.map((o) => o.file)).toEqual([]);
  });

  it('has a client of each breached operator, and one of both', () => {
    const main = of('dossiers').find((d) => d.data.main)!;
    const operators = main.data.operators as string[];
    expect(operators).toEqual(['viamedis', 'almerys']);
    const orgs = of('organizations').map((o) => ({ slug: o.slug, name: String(o.data.name), aliases: o.data.aliases as string[], kind: String(o.data.kind), relations: o.data.relations as never }));
    const servedBy = (op: string) => orgs.filter((o) => { const c = concernOf(o.slug, orgs, operators); return c.status === 'client' && c.links.some((l) => l.operator === op); }).map((o) => o.slug);
    expect(servedBy('viamedis')).toContain('harmonie-mutuelle');
    expect(servedBy('almerys')).toContain('alan');
    expect(servedBy('viamedis').filter((s) => servedBy('almerys').includes(s)).length).toBeGreaterThan(0);
  });

  it('backs every « what leaked » cell, advice and open question with an address', () => {
    const main = of('dossiers').find((d) => d.data.main)!.data;
    const cells = (main.exposure as Data[]).flatMap((r) => r.cells as Data[]);
    expect(cells.length).toBeGreaterThan(20);
    expect(cells.filter((c) => !/^https?:\/\//.test(c.source))).toEqual([]);
    expect((main.advice as Data[]).every((a) => (a.sources as unknown[]).length > 0)).toBe(true);
    const questionSources: CitedUrl[] = (main.openQuestions as Data[]).flatMap((q) => (q.sources as never[]).map(citedUrlOf));
    expect(questionSources.every((s) => /^https?:\/\//.test(s.url))).toBe(true);
    expect((main.inBrief as Data[]).length).toBe(3);
  });
});
