/**
 * The rules of JSON Feed 1.1 (jsonfeed.org/version/1.1) as a checker: required
 * and typed top-level fields, items with an id and content, RFC 3339 dates,
 * authors and tags. Returns one message per broken rule, empty when valid.
 */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUrl = (v: unknown) => typeof v === 'string' && URL.canParse(v);

function checkAuthors(where: string, authors: unknown, errors: string[]) {
  if (authors === undefined) return;
  if (!Array.isArray(authors)) return void errors.push(`${where}.authors n'est pas un tableau`);
  authors.forEach((a, i) => {
    if (!isObject(a) || !['name', 'url', 'avatar'].some((k) => typeof a[k] === 'string')) errors.push(`${where}.authors[${i}] sans name, url ni avatar`);
  });
}

export function jsonFeedErrors(feed: unknown): string[] {
  const errors: string[] = [];
  if (!isObject(feed)) return ['le flux n’est pas un objet JSON'];
  if (feed.version !== 'https://jsonfeed.org/version/1.1') errors.push(`version « ${String(feed.version)} » : attendu https://jsonfeed.org/version/1.1`);
  if (typeof feed.title !== 'string' || !feed.title) errors.push('title manquant');
  for (const key of ['home_page_url', 'feed_url', 'next_url', 'icon', 'favicon']) {
    if (feed[key] !== undefined && !isUrl(feed[key])) errors.push(`${key} n'est pas une URL`);
  }
  for (const key of ['description', 'user_comment', 'language']) {
    if (feed[key] !== undefined && typeof feed[key] !== 'string') errors.push(`${key} n'est pas une chaîne`);
  }
  if (feed.author !== undefined) errors.push('author est remplacé par authors en 1.1');
  checkAuthors('feed', feed.authors, errors);
  if (!Array.isArray(feed.items)) return [...errors, 'items manquant'];
  const ids = new Set<string>();
  feed.items.forEach((item: unknown, i) => {
    const at = `items[${i}]`;
    if (!isObject(item)) return void errors.push(`${at} n'est pas un objet`);
    if (typeof item.id !== 'string' || !item.id) errors.push(`${at}.id manquant`);
    else if (ids.has(item.id)) errors.push(`${at}.id « ${item.id} » en double`);
    else ids.add(item.id);
    if (typeof item.content_html !== 'string' && typeof item.content_text !== 'string') errors.push(`${at} sans content_html ni content_text`);
    for (const key of ['url', 'external_url', 'image', 'banner_image']) {
      if (item[key] !== undefined && !isUrl(item[key])) errors.push(`${at}.${key} n'est pas une URL`);
    }
    for (const key of ['title', 'summary', 'language']) {
      if (item[key] !== undefined && typeof item[key] !== 'string') errors.push(`${at}.${key} n'est pas une chaîne`);
    }
    for (const key of ['date_published', 'date_modified']) {
      if (item[key] !== undefined && !(typeof item[key] === 'string' && RFC3339.test(item[key]))) errors.push(`${at}.${key} n'est pas une date RFC 3339`);
    }
    if (item.tags !== undefined && !(Array.isArray(item.tags) && item.tags.every((t) => typeof t === 'string'))) errors.push(`${at}.tags n'est pas une liste de chaînes`);
    if (item.author !== undefined) errors.push(`${at}.author est remplacé par authors en 1.1`);
    checkAuthors(at, item.authors, errors);
  });
  return errors;
}
