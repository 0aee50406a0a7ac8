/**
 * Feed items: one per event and per press article, in our words, with what
 * every format (RSS, Atom, JSON Feed) needs. Pure: built from the record, so
 * the same items are tested in Node and published by the site.
 *
 * An item's id is the address of its page on this site, built from the entry's
 * slug (its file name), so correcting a title or a date never changes it.
 */
import { escapeAttribute, escapeText as escapeHtml } from 'entities';
import { DATA_CATEGORIES, EVENT_KINDS, STATUSES, type DataCategory, type EventKind } from '../schemas/vocabulary.ts';
import type { CoverageData, EventData } from '../schemas/index.ts';
import { formatFrenchDate, toParisDate, unknownDayNote } from '../lib/dates.ts';
import { articleDateLabel, articleFeedTitle, articleLabel } from '../lib/articles.ts';
import { archiveUrl } from '../lib/archive.ts';
import { paths } from '../lib/paths.ts';
import { bySlug, summaryOf, type ContentRecord, type RecordEntry } from '../lib/record.ts';

export interface FeedItem {
  /** Permanent id: the absolute address of the entry on this site. */
  id: string;
  /** Where the item leads: the event's page, or the article itself. */
  url: string;
  title: string;
  /** One or two sentences in our words, plain text. */
  summary: string;
  /** The full item as HTML: summary, facts, dossier, sources with archived copies, corrections. */
  contentHtml: string;
  published: Date;
  /** The publication date, or the latest revision or correction. */
  updated: Date;
  /** Reader-facing categories: kind, dossier, organisations, data categories. */
  categories: string[];
  /** What the facets select on. */
  type: 'event' | 'article';
  kind?: EventKind;
  dossiers: string[];
  organizations: string[];
  dataCategories: DataCategory[];
}

/** A day, or a month said to be one (« février 2024, jour non connu »). */
function dateLabel(stored: string, precision: EventData['precision'] = 'day'): string {
  const label = formatFrenchDate(stored, precision);
  if (precision === 'month') return `${label} (jour non connu)`;
  if (precision === 'year') return `${label} (jour et mois non connus)`;
  return label;
}

/** A stored Paris date as a plain Date (TZDate would print its offset instead of Z). */
const instant = (stored: string) => new Date(toParisDate(stored).instant.getTime());
const latest = (dates: readonly string[]) => new Date(Math.max(...dates.map((d) => instant(d).getTime())));

const p = (html: string) => `<p>${html}</p>`;
const field = (label: string, html: string) => p(`<strong>${escapeHtml(label)} :</strong> ${html}`);
const link = (href: string, text: string) => `<a href="${escapeAttribute(href)}">${escapeHtml(text)}</a>`;
const archivedLink = (url: string, published?: string, precision?: 'day' | 'month' | 'year') => `(${link(archiveUrl(url, published, precision), 'copie archivée')})`;

/** Every event and article of the record as feed items, newest first (ties by id, so the order is stable). */
export function buildFeedItems(record: ContentRecord, site: URL): FeedItem[] {
  const organization = bySlug(record.organizations, 'organisation');
  const publisher = bySlug(record.publishers, 'éditeur');
  const dossier = bySlug(record.dossiers, 'dossier');
  const event = bySlug(record.events, 'événement');
  const abs = (path: string) => new URL(path, site).href;
  const orgNames = (slugs: readonly string[]) => slugs.map((s) => organization(s).data.name);
  const orgLinks = (slugs: readonly string[]) => slugs.map((s) => link(abs(paths.organization(s)), organization(s).data.name)).join(', ');
  const dossierName = (slug: string) => dossier(slug).data.shortTitle ?? dossier(slug).data.title;
  const dossierLink = (slug: string) => link(abs(paths.dossier(slug)), dossier(slug).data.title);

  const eventItem = ({ id: slug, data: e, body = '' }: RecordEntry<EventData>): FeedItem => {
    const orgs = [...new Set([...e.organizations, ...(e.speaker?.organization ? [e.speaker.organization] : [])])];
    const categories = DATA_CATEGORIES.filter((c) => e.exposed.includes(c) || e.notExposed.includes(c));
    const summary = e.summary ?? (summaryOf(body) || `${EVENT_KINDS[e.kind]} : ${e.title}`);
    const html = [
      p(escapeHtml(summary)),
      field('Date', escapeHtml(dateLabel(e.date, e.precision))),
      field('Type', escapeHtml(EVENT_KINDS[e.kind])),
      field('Statut', escapeHtml(STATUSES[e.status])),
      field('Dossier', dossierLink(e.dossier) + (e.related.length ? ` ; lié aussi à : ${e.related.map(dossierLink).join(', ')}` : '')),
      orgs.length ? field('Organisations', orgLinks(orgs)) : '',
      e.exposed.length ? field('Données exposées selon les sources', escapeHtml(e.exposed.join(', '))) : '',
      e.notExposed.length ? field('Données non exposées selon les sources', escapeHtml(e.notExposed.join(', '))) : '',
      p(`<strong>${e.sources.length > 1 ? 'Sources' : 'Source'} :</strong>`),
      `<ul>${e.sources
        .map((s) => `<li>${link(s.url, s.title ? `${s.publisher} : ${s.title}` : s.publisher)} ${archivedLink(s.url, s.published)}${s.verified ? '' : ' (page non retrouvée)'}</li>`)
        .join('')}</ul>`,
      ...(e.updated && !e.corrections.length ? [field('Mis à jour le', escapeHtml(formatFrenchDate(e.updated)))] : []),
      ...e.corrections.map((c) => field(`Correction du ${formatFrenchDate(c.date)}`, `${escapeHtml(c.change)} (${escapeHtml(c.reason)})`)),
    ];
    return {
      id: abs(paths.event(slug)),
      url: abs(paths.event(slug)),
      title: e.title,
      summary,
      contentHtml: html.filter(Boolean).join('\n'),
      published: instant(e.date),
      updated: latest([e.date, ...(e.updated ? [e.updated] : []), ...e.corrections.map((c) => c.date)]),
      categories: [EVENT_KINDS[e.kind], dossierName(e.dossier), ...e.related.map(dossierName), ...orgNames(orgs), ...categories],
      type: 'event',
      kind: e.kind,
      dossiers: [e.dossier, ...e.related],
      organizations: orgs,
      dataCategories: categories,
    };
  };

  const articleItem = ({ id: slug, data: c, body = '' }: RecordEntry<CoverageData>): FeedItem => {
    const outlet = publisher(c.publisher).data.name;
    const reported = [...new Set([c.event, ...c.alsoEvents].filter((s): s is string => !!s))].map(event);
    const label = articleLabel(c);
    // A day the source does not give is said unknown in the text (the feed date is then the 1st of the month).
    const summary = [summaryOf(body) || `Article de ${outlet} sur ${reported[0]?.data.title ?? dossier(c.dossier).data.title}.`, unknownDayNote(c.publishedAt, c.precision)].filter(Boolean).join(' ');
    const html = [
      p(escapeHtml(summary)),
      field('Article', `${link(c.url, label.isHeadline ? `${outlet} : ${label.text}` : `${outlet} (titre non relevé) : ${label.text}`)} ${c.precision === 'unknown' ? archivedLink(c.url) : archivedLink(c.url, c.publishedAt, c.precision)}`),
      field(c.precision === 'day' ? 'Publié le' : 'Publié', escapeHtml(articleDateLabel(c))),
      field('Dossier', dossierLink(c.dossier)),
      reported.length ? field(reported.length > 1 ? 'Événements rapportés' : 'Événement rapporté', reported.map((r) => link(abs(paths.event(r.id)), r.data.title)).join(', ')) : '',
      c.organizations.length ? field('Organisations citées', orgLinks(c.organizations)) : '',
    ];
    return {
      id: abs(paths.articleId(slug)),
      url: c.url,
      title: articleFeedTitle(c, outlet),
      summary,
      contentHtml: html.filter(Boolean).join('\n'),
      published: instant(c.publishedAt),
      updated: instant(c.publishedAt),
      categories: ['Revue de presse', outlet, dossierName(c.dossier), ...orgNames(c.organizations)],
      type: 'article',
      dossiers: [c.dossier],
      organizations: [...c.organizations],
      dataCategories: [],
    };
  };

  return [...record.events.map(eventItem), ...record.coverage.map(articleItem)].sort(
    (a, b) => b.published.getTime() - a.published.getTime() || a.id.localeCompare(b.id),
  );
}
