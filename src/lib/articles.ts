/**
 * How a press article is named and dated wherever it appears (timeline, press
 * review, event and organisation pages, search, feeds): the headline when it
 * was seen, else the outlet and our one-line description, never a made-up
 * title; the date only as precise as its source.
 */
import type { CoverageData } from '../schemas/coverage.ts';
import { formatFrenchDate, type DatedValue } from './dates.ts';

type ArticleFields = Pick<CoverageData, 'title' | 'headlineUnknown' | 'about' | 'publishedAt' | 'precision'>;

/** What a list shows for an article: the headline (a citation) or, when unknown, our description. */
export interface ArticleLabel {
  /** The headline as published, or our one-line description when it is unknown. */
  text: string;
  /** False when `text` is our description, to be styled apart from headlines. */
  isHeadline: boolean;
}

export function articleLabel(a: ArticleFields): ArticleLabel {
  return a.headlineUnknown || a.title === undefined ? { text: a.about ?? '', isHeadline: false } : { text: a.title, isHeadline: true };
}

/** « de 20 Minutes », « du Monde », « de la Croix », « de l'Express », « d'Acuité », « des Échos ». */
export function ofPublisher(name: string): string {
  if (/^Le\s/.test(name)) return `du ${name.slice(3)}`;
  if (/^Les\s/.test(name)) return `des ${name.slice(4)}`;
  if (/^La\s/.test(name)) return `de la ${name.slice(3)}`;
  if (/^L['’]/.test(name)) return `de l’${name.slice(2)}`;
  if (/^[AEIOUYÀÂÉÈÊÎÏÔÛaeiouyàâéèêîïôû]/.test(name)) return `d’${name}`;
  return `de ${name}`;
}

/** Feed title: « Headline (Outlet) », or « Article de Outlet (titre non relevé) ». */
export function articleFeedTitle(a: ArticleFields, publisherName: string): string {
  return a.headlineUnknown || a.title === undefined ? `Article ${ofPublisher(publisherName)} (titre non relevé)` : `${a.title} (${publisherName})`;
}

/** The article's publication date with its precision, for sorting and `<FrenchDate>`. */
export const articleDate = (a: ArticleFields): DatedValue & { precision: CoverageData["precision"] } => ({ date: a.publishedAt, precision: a.precision });

/** « 7 février 2024 », « février 2024 », « date non relevée ». */
export const articleDateLabel = (a: ArticleFields): string => formatFrenchDate(a.publishedAt, a.precision);
