/**
 * How many items a feed carries. A reader polls a feed every few minutes: it
 * needs what changed lately, not the whole record (that is the open data), and
 * a feed that grows with the record would cost every subscriber megabytes.
 */
import type { FeedItem } from './items.ts';

export const FEED_ITEM_LIMIT = 50;

/**
 * The `limit` items changed last (published, revised or corrected), so a
 * correction to an old event still reaches subscribers; then in the feed's
 * order, newest publication first. Ties keep the input order (the sort is stable).
 */
export function latestItems(items: readonly FeedItem[], limit = FEED_ITEM_LIMIT): FeedItem[] {
  if (items.length <= limit) return [...items];
  const kept = new Set([...items].sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, limit));
  return items.filter((item) => kept.has(item));
}
