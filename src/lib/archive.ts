/**
 * Archived copy of a cited page: a Wayback Machine address built from the URL
 * and the day it was published, since press pages move and vanish. The archive
 * answers with the capture nearest that day (or the latest one without a date).
 */
const WAYBACK = 'https://web.archive.org/web/';

/** `published` is a stored Paris date (« AAAA-MM-JJ », with a time or not); a month-only date gives « AAAAMM ». */
export function archiveUrl(url: string, published?: string, precision: 'minute' | 'day' | 'month' | 'year' = 'day'): string {
  if (!published) return `${WAYBACK}${url}`;
  const digits = published.slice(0, 10).replaceAll('-', '');
  const stamp = precision === 'year' ? digits.slice(0, 4) : precision === 'month' ? digits.slice(0, 6) : digits;
  return `${WAYBACK}${stamp}/${url}`;
}
