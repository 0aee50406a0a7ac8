/**
 * The site's feeds, computed once per build: the facets, and the items of the
 * whole record that they select. Each feed route (RSS, Atom, JSON Feed) maps them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from './site.ts';
import { buildFeedItems, type FeedItem } from '../feeds/items.ts';
import { feedFacets, type Facet } from '../feeds/facets.ts';
import { renderFeed } from '../feeds/render.ts';
import { FEED_FORMATS, type FeedFormat } from '../feeds/formats.ts';

let facets: Promise<Facet[]> | undefined;
const items = new Map<string, Promise<FeedItem[]>>();

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

/** getStaticPaths and GET of one format's route, `src/pages/[...facet]/<file>.ts`. */
export function feedRoute(format: FeedFormat): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: async () => (await siteFacets()).map((facet) => ({ params: { facet: facet.path || undefined } })),
    GET: async ({ params, site }) => {
      const facet = (await siteFacets()).find((f) => f.path === (params.facet ?? ''))!;
      const all = await siteFeedItems(site!);
      const newest = all.reduce((max, i) => Math.max(max, i.updated.getTime()), 0);
      const body = await renderFeed({ facet, items: all.filter(facet.select), site: site!, emptyUpdated: new Date(newest) }, format);
      return new Response(body, { headers: { 'Content-Type': `${FEED_FORMATS[format].type}; charset=utf-8` } });
    },
  };
}
