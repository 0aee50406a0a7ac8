import { describe, expect, it } from 'vitest';
import { buildContentIndex, type IndexedArticle, type IndexedEvent } from './content-index.ts';
import { relationsOf } from './relations.ts';

const event = (id: string, date: string, extra: Partial<IndexedEvent['data']> = {}): IndexedEvent => ({
  id,
  data: { dossier: 'd1', related: [], date, kind: 'incident', organizations: [], ...extra },
});
const article = (id: string, publishedAt: string, extra: Partial<IndexedArticle['data']> = {}): IndexedArticle => ({
  id,
  data: { dossier: 'd1', publishedAt, organizations: [], alsoEvents: [], ...extra },
});

const events = [
  event('e3', '2024-03-01', { kind: 'legal', organizations: ['acme'] }),
  event('e1', '2024-01-10', { organizations: ['acme', 'acme'] }),
  event('e2', '2024-02-05', { speaker: { organization: 'cnil' } }),
  event('x1', '2024-02-06', { dossier: 'd2', related: ['d1'] }),
];
const coverage = [
  article('a2', '2024-03-02', { event: 'e3', organizations: ['acme'] }),
  article('a1', '2024-01-11', { event: 'e1', alsoEvents: ['e3'] }),
  article('b1', '2024-02-07', { dossier: 'd2' }),
];
const orgs = [
  { slug: 'acme', relations: [{ type: 'client-de' as const, target: 'op', source: 'https://exemple.example/s' }] },
  { slug: 'op', relations: [] },
  { slug: 'beta', relations: [{ type: 'client-de' as const, target: 'op', source: 'https://exemple.example/t' }] },
];
const index = buildContentIndex(events, coverage, orgs);
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);
const slugs = (list: readonly { slug: string }[]) => list.map((x) => x.slug);

describe('buildContentIndex', () => {
  it('gives a dossier its own events in order, and each event its neighbours within its dossier', () => {
    expect(ids(index.eventsOfDossier('d1'))).toEqual(['e1', 'e2', 'e3']);
    expect(ids(index.eventsOfDossier('absent'))).toEqual([]);
    expect(index.neighboursOf('e2')).toEqual({ previous: events[1], next: events[0] });
    expect(index.neighboursOf('e1').previous).toBeUndefined();
    expect(index.neighboursOf('x1')).toEqual({ previous: undefined, next: undefined });
  });

  it('lists an event’s articles oldest first, secondary events included', () => {
    expect(ids(index.coverageOfEvent('e3'))).toEqual(['a1', 'a2']);
    expect(ids(index.coverageOfEvent('e2'))).toEqual([]);
  });

  it('builds a dossier’s timeline from its events, linked events of other dossiers and its articles', () => {
    expect(slugs(index.timelineOfDossier('d1'))).toEqual(['e1', 'e2', 'x1', 'e3', 'a1', 'a2']);
    expect(slugs(index.timelineOfDossier('d2'))).toEqual(['x1', 'b1']);
    expect(index.dossiersLinkingTo('d1')).toEqual(['d2']);
    expect(index.dossiersLinkingTo('d2')).toEqual([]);
  });

  it('gives an organisation the events naming it or where it speaks, and the articles naming it', () => {
    expect(ids(index.eventsNaming('acme'))).toEqual(['e1', 'e3']);
    expect(ids(index.articlesNaming('acme'))).toEqual(['a2']);
    expect(slugs(index.timelineOfOrganization('acme'))).toEqual(['e1', 'e3', 'a2']);
    expect(slugs(index.timelineOfOrganization('cnil'))).toEqual(['e2']);
    expect(ids(index.eventsOfKind('legal'))).toEqual(['e3']);
  });

  it('answers relations both ways exactly as relationsOf does', () => {
    for (const o of [...orgs.map((x) => x.slug), 'unknown']) expect(index.relationsOf(o)).toEqual(relationsOf(o, orgs));
  });
});
