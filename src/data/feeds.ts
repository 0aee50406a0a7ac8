/**
 * The site's feeds, computed once per build: the facets, and the items of the
 * whole record that they select. Each feed route (RSS, Atom, JSON Feed) maps them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from './site.ts';
import { buildFeedItems, type FeedItem } from '../feeds/items.ts';
import { feedFacets, itemsByFacet, type Facet } from '../feeds/facets.ts';
import { renderFeed } from '../feeds/render.ts';
import { FEED_FORMATS, type FeedFormat } from '../feeds/formats.ts';
import { latestItems } from '../feeds/latest.ts';

let facets: Promise<Facet[]> | undefined;
const items = new Map<string, Promise<FeedItem[]>>();
const selections = new Map<string, Promise<Map<string, FeedItem[]>>>();
const latestByFacet = new Map<string, FeedItem[]>();

/** Every feed of the site, in the order the « S'abonner » page lists them. */
export function siteFacets(): Promise<Facet[]> {
  facets ??= siteData().then(feedFacets);
  return facets;
}

/** Every item, with addresses on `site`. */
export function siteFeedItems(site: URL): Promise<FeedItem[]> {
  if (!items.has(site.href)) items.set(site.href, siteData().then((data) => buildFeedItems(data, site)));
  return items.get(site.href)!;
}

/**
 * A facet's items, selected once for its three formats and the « S'abonner »
 * page: how many the record holds, and the latest ones its feeds carry. Every
 * facet is filled in one pass over the items (a filter per facet would make the
 * feeds quadratic: facets grow with organisations, items with the record).
 */
export async function facetSelection(facet: Facet, site: URL): Promise<{ count: number; latest: FeedItem[] }> {
  if (!selections.has(site.href)) selections.set(site.href, siteFeedItems(site).then(itemsByFacet));
  const selected = (await selections.get(site.href)!).get(facet.path) ?? [];
  const key = `${site.href} ${facet.path}`;
  if (!latestByFacet.has(key)) latestByFacet.set(key, latestItems(selected));
  return { count: selected.length, latest: latestByFacet.get(key)! };
}

const updated = new Map<string, Promise<Date>>();
/** The record's latest change: the date of a feed with no item (computed once, not per feed). */
function recordUpdated(site: URL): Promise<Date> {
  if (!updated.has(site.href)) updated.set(site.href, siteFeedItems(site).then((all) => new Date(all.reduce((max, i) => Math.max(max, i.updated.getTime()), 0))));
  return updated.get(site.href)!;
}

/** getStaticPaths and GET of one format's route, `src/pages/[...facet]/<file>.ts`. */
export function feedRoute(format: FeedFormat): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: async () => (await siteFacets()).map((facet) => ({ params: { facet: facet.path || undefined }, props: { facet } })),
    GET: async ({ props, site }) => {
      const { facet } = props as { facet: Facet };
      const { latest } = await facetSelection(facet, site!);
      const body = await renderFeed({ facet, items: latest, site: site!, emptyUpdated: await recordUpdated(site!) }, format);
      return new Response(body, { headers: { 'Content-Type': `${FEED_FORMATS[format].type}; charset=utf-8` } });
    },
  };
}
