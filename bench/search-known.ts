/**
 * What the search comparison needs beside the corpus: queries whose right
 * answer is known (a document's rarest title words, typed as is, without
 * accents or capitals, or with one typo), and the corpus rendered as one HTML
 * page per document for Pagefind, with the same text our index reads (title,
 * organisations and their aliases, labels, summary and body).
 */
import { normalize } from '../src/search/normalize.ts';
import { STOP_WORDS } from '../src/search/normalize.ts';
import { buildDocuments, cut, plainText, INDEXED_TEXT_MAX, type SourceEntry } from '../src/search/documents.ts';
import type { SearchData } from '../src/search/model.ts';
import { EVENT_KINDS, ORGANIZATION_KINDS } from '../src/schemas/vocabulary.ts';
import { rng, typo } from './search-corpus.ts';

export type KnownCategory = 'exact' | 'folded' | 'typo';
export interface KnownQuery {
  category: KnownCategory;
  q: string;
  /** Index of the expected document in `SearchData.docs`. */
  answer: number;
}

const strip = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');

/** `perCategory` queries of each kind, each naming one document by its two or three rarest title words. */
export function knownAnswerQueries(entries: readonly SourceEntry[], perCategory = 20, seed = 5): KnownQuery[] {
  const { data, texts } = buildDocuments(entries);
  // Document frequency of each folded word, over everything indexed.
  const df = new Map<string, number>();
  texts.forEach((t) => {
    const words = new Set([...t.n, ...t.a, t.m, t.x].join(' ').split(' '));
    for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  });
  const r = rng(seed);
  const out: KnownQuery[] = [];
  const categories: KnownCategory[] = ['exact', 'folded', 'typo'];
  for (const category of categories) {
    for (let made = 0; made < perCategory; ) {
      const answer = r.int(data.docs.length);
      const title = data.docs[answer]!.n;
      const words = title.split(/\s+/).filter((w) => {
        const f = normalize(w);
        return f.length >= 4 && !f.includes(' ') && !STOP_WORDS.has(f);
      });
      if (words.length < 2) continue;
      const rarest = [...words].sort((a, b) => (df.get(normalize(a)) ?? 0) - (df.get(normalize(b)) ?? 0)).slice(0, 3);
      let chosen = words.filter((w) => rarest.includes(w)).slice(0, 3);
      if (category === 'folded') chosen = chosen.map((w, i) => (i % 2 ? strip(w).toUpperCase() : strip(w).toLowerCase()));
      if (category === 'typo') {
        const longest = chosen.reduce((a, b) => (b.length > a.length ? b : a));
        if (longest.length < 5) continue;
        chosen = chosen.map((w) => (w === longest ? typo(r, w) : w));
      }
      out.push({ category, q: chosen.join(' '), answer });
      made++;
    }
  }
  return out;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One HTML page per search document, in `data.docs` order, with the text our index reads. */
export function pagefindPages(entries: readonly SourceEntry[], data: SearchData): string[] {
  const orgs = new Map(entries.flatMap((e) => (e.collection === 'organizations' ? [[e.slug, e.data] as const] : [])));
  const pubs = new Map(entries.flatMap((e) => (e.collection === 'publishers' ? [[e.slug, e.data] as const] : [])));
  const bySlug = new Map(entries.map((e) => [`${e.collection[0]}:${e.slug}`, e]));
  const key: Record<string, string> = { e: 'e', a: 'c', o: 'o' };
  const orgText = (slugs: readonly string[]) => slugs.flatMap((s) => (orgs.get(s) ? [orgs.get(s)!.name, ...orgs.get(s)!.aliases] : [])).join(', ');
  return data.docs.map((doc) => {
    const entry = bySlug.get(`${key[doc.t]}:${doc.s}`)!;
    const body = plainText(entry.body ?? '');
    let parts: string[];
    if (entry.collection === 'events') {
      parts = [orgText(entry.data.organizations), [EVENT_KINDS[entry.data.kind], ...entry.data.exposed].join(', '), cut([entry.data.summary ?? '', body].join(' '), INDEXED_TEXT_MAX)];
    } else if (entry.collection === 'coverage') {
      parts = [orgText(entry.data.organizations), pubs.get(entry.data.publisher)?.name ?? '', cut([entry.data.excerpt ?? '', body].join(' '), INDEXED_TEXT_MAX)];
    } else if (entry.collection === 'organizations') {
      parts = [entry.data.aliases.join(', '), ORGANIZATION_KINDS[entry.data.kind], cut([entry.data.description, body].join(' '), INDEXED_TEXT_MAX)];
    } else parts = [];
    return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(doc.n)}</title></head><body><main><h1>${escape(doc.n)}</h1>${parts
      .filter(Boolean)
      .map((p) => `<p>${escape(p)}</p>`)
      .join('')}</main></body></html>`;
  });
}
