/**
 * One facet's items written as RSS 2.0 (@astrojs/rss), Atom 1.0 and JSON Feed
 * 1.1 (the `feed` package). Output is deterministic: dates come from the
 * content, never from the clock, so an unchanged record gives the same files.
 */
import { getRssString } from '@astrojs/rss';
import { Feed, type FeedOptions } from 'feed';
import { escapeText, escapeUTF8 as escapeXml } from 'entities';
import { paths } from '../lib/paths.ts';
import { FEED_FORMATS, type FeedFormat } from './formats.ts';
import type { Facet } from './facets.ts';
import type { FeedItem } from './items.ts';


export interface FeedDocument {
  facet: Pick<Facet, 'path' | 'title' | 'description' | 'page'>;
  items: readonly FeedItem[];
  site: URL;
  /** Date of the feed when it has no item (the record's latest change). */
  emptyUpdated: Date;
}

const feedUrl = (doc: FeedDocument, format: FeedFormat) => new URL(paths.feed(doc.facet.path, FEED_FORMATS[format].file), doc.site).href;
const updatedOf = (doc: FeedDocument) =>
  doc.items.length ? new Date(Math.max(...doc.items.map((i) => i.updated.getTime()))) : doc.emptyUpdated;

const DCTERMS = 'http://purl.org/dc/terms/';
const ATOM = 'http://www.w3.org/2005/Atom';

/**
 * RSS 2.0; the update date of each item goes in `dcterms:modified`, its permanent id in `guid`
 * (a permalink for events; an article's id no longer names the page that lists it).
 */
export function renderRss(doc: FeedDocument): Promise<string> {
  return getRssString({
    title: doc.facet.title,
    description: doc.facet.description,
    site: new URL(doc.facet.page, doc.site).href,
    trailingSlash: true,
    xmlns: { atom: ATOM, dcterms: DCTERMS },
    customData: [
      '<language>fr-FR</language>',
      `<lastBuildDate>${updatedOf(doc).toUTCString()}</lastBuildDate>`,
      `<atom:link href="${escapeXml(feedUrl(doc, 'rss'))}" rel="self" type="${FEED_FORMATS.rss.type}"/>`,
    ].join(''),
    items: doc.items.map((item) => ({
      title: item.title,
      link: item.url,
      description: item.summary,
      content: item.contentHtml,
      pubDate: item.published,
      categories: item.categories,
      customData: `<guid isPermaLink="${item.type === 'event'}">${escapeXml(item.id)}</guid><dcterms:modified>${item.updated.toISOString()}</dcterms:modified>`,
    })),
  });
}

/** The `feed` package's model of a document; titles and summaries are HTML in Atom, plain text in JSON Feed. */
function feedModel(doc: FeedDocument, asHtml: boolean): Feed {
  const text = (s: string) => (asHtml ? escapeText(s) : s);
  const options: FeedOptions = {
    id: feedUrl(doc, asHtml ? 'atom' : 'json'),
    title: doc.facet.title,
    description: doc.facet.description,
    link: new URL(doc.facet.page, doc.site).href,
    language: 'fr-FR',
    updated: updatedOf(doc),
    generator: 'Veille Fuites',
    author: { name: 'Veille Fuites', link: doc.site.href },
    feedLinks: { atom: feedUrl(doc, 'atom'), json: feedUrl(doc, 'json') },
    favicon: new URL('/favicon.svg', doc.site).href,
    copyright: 'Licence Ouverte 2.0 (Etalab) pour nos textes ; les titres cités restent à leurs éditeurs.',
  };
  const feed = new Feed(options);
  for (const item of doc.items) {
    feed.addItem({
      id: item.id,
      title: text(item.title),
      link: item.url,
      date: item.updated,
      published: item.published,
      description: text(item.summary),
      content: item.contentHtml,
      category: item.categories.map((name) => ({ name, term: name })),
    });
  }
  return feed;
}

/** Atom 1.0 (RFC 4287): `updated` is the last correction, `published` the publication. */
export function renderAtom(doc: FeedDocument): string {
  return feedModel(doc, true).atom1();
}

/**
 * JSON Feed 1.1. The `feed` package writes version 1; 1.1 adds `language` and
 * replaces `author` with `authors`, which is all that differs for these items.
 */
export function renderJsonFeed(doc: FeedDocument): string {
  const { author, version: _v1, ...rest } = JSON.parse(feedModel(doc, false).json1()) as Record<string, unknown>;
  const v11 = { version: 'https://jsonfeed.org/version/1.1', ...rest, language: 'fr-FR', ...(author ? { authors: [author] } : {}) };
  return `${JSON.stringify(v11, null, 2)}\n`;
}

export function renderFeed(doc: FeedDocument, format: FeedFormat): Promise<string> | string {
  return format === 'rss' ? renderRss(doc) : format === 'atom' ? renderAtom(doc) : renderJsonFeed(doc);
}
