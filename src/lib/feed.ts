/** Feed items newest first, each dated at its Paris instant. */
import { toParisDate } from './dates.ts';

export interface FeedSource {
  date: string;
  title: string;
  link: string;
  description: string;
  categories: string[];
}

export function feedItems(sources: readonly FeedSource[]) {
  return sources
    .map((s) => ({ title: s.title, link: s.link, description: s.description, categories: s.categories, pubDate: toParisDate(s.date).instant }))
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime());
}
