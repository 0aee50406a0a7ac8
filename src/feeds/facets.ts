/**
 * The feeds the site publishes: the whole site, then one per dossier,
 * organisation, kind of event and data category. Each facet has an address
 * prefix (`organisations/almerys`), names what it carries and selects its items.
 */
import slugify from '@sindresorhus/slugify';
import { DATA_CATEGORIES, EVENT_KINDS, type DataCategory, type EventKind } from '../schemas/vocabulary.ts';
import { paths } from '../lib/paths.ts';
import type { ContentRecord } from '../lib/record.ts';
import type { FeedItem } from './items.ts';

export type FacetGroup = 'site' | 'dossier' | 'organisation' | 'type' | 'categorie';

export interface Facet {
  group: FacetGroup;
  /** Address prefix of its files, without slashes at either end; empty for the whole site. */
  path: string;
  /** Feed title. */
  title: string;
  /** What it carries, one French sentence. */
  description: string;
  /** The page these feeds belong to. */
  page: string;
  select: (item: FeedItem) => boolean;
}

const categorySlugs = new Map<DataCategory, string>();
/** « numero-de-securite-sociale » for a data category. */
export const categorySlug = (category: DataCategory) => categorySlugs.get(category) ?? categorySlugs.set(category, slugify(category)).get(category)!;

/**
 * The paths of the facets an item belongs to: the one place that says what each
 * feed carries (every item in the site's feed; events only in kind and
 * data-category feeds, since articles have neither).
 */
export function facetPathsOf(item: FeedItem): string[] {
  return [
    ...new Set([
      '',
      ...item.dossiers.map((d) => `dossiers/${d}`),
      ...item.organizations.map((o) => `organisations/${o}`),
      ...(item.kind ? [`types/${item.kind}`] : []),
      ...item.dataCategories.map((c) => `categories/${categorySlug(c)}`),
    ]),
  ];
}

/** Each facet's items, by path, in one pass over the items (their order kept). */
export function itemsByFacet(items: readonly FeedItem[]): Map<string, FeedItem[]> {
  const byPath = new Map<string, FeedItem[]>();
  for (const item of items) for (const path of facetPathsOf(item)) (byPath.get(path) ?? byPath.set(path, []).get(path)!).push(item);
  return byPath;
}

/** Every facet of the record, in the order the « S'abonner » page lists them. */
export function feedFacets(record: ContentRecord): Facet[] {
  const usedCategories = DATA_CATEGORIES.filter((c) => record.events.some((e) => e.data.exposed.includes(c) || e.data.notExposed.includes(c)));
  const dossiers = [...record.dossiers].sort((a, b) => Number(!!b.data.main) - Number(!!a.data.main) || a.data.title.localeCompare(b.data.title, 'fr'));
  const organizations = [...record.organizations].sort((a, b) => a.data.name.localeCompare(b.data.name, 'fr'));
  const selects = (path: string) => (item: FeedItem) => facetPathsOf(item).includes(path);
  return [
    {
      group: 'site',
      path: '',
      title: 'Veille Fuites',
      description: 'Tous les événements et tous les articles de presse, de tous les dossiers.',
      page: paths.home(),
      select: selects(''),
    },
    ...dossiers.map((d): Facet => ({
      group: 'dossier',
      path: `dossiers/${d.id}`,
      title: `Veille Fuites : ${d.data.shortTitle ?? d.data.title}`,
      description: `Événements et articles du dossier « ${d.data.title} », avec les événements d'autres dossiers qui s'y rattachent.`,
      page: paths.dossier(d.id),
      select: selects(`dossiers/${d.id}`),
    })),
    ...organizations.map((o): Facet => ({
      group: 'organisation',
      path: `organisations/${o.id}`,
      title: `Veille Fuites : ${o.data.name}`,
      description: `Événements et articles qui nomment ${o.data.name}.`,
      page: paths.organization(o.id),
      select: selects(`organisations/${o.id}`),
    })),
    ...(Object.keys(EVENT_KINDS) as EventKind[]).map((k): Facet => ({
      group: 'type',
      path: `types/${k}`,
      title: `Veille Fuites : ${EVENT_KINDS[k]}`,
      description: `Événements de type « ${EVENT_KINDS[k]} ».`,
      page: paths.kind(k),
      select: selects(`types/${k}`),
    })),
    ...usedCategories.map((c): Facet => ({
      group: 'categorie',
      path: `categories/${categorySlug(c)}`,
      title: `Veille Fuites : ${c}`,
      description: `Événements dont les sources disent la donnée « ${c} » exposée ou non exposée.`,
      page: paths.feeds(),
      select: selects(`categories/${categorySlug(c)}`),
    })),
  ];
}
