/**
 * Group stage: canonical URLs (tracking parameters, AMP and mobile hosts,
 * fragments, trailing slashes), copies of one page merged, near-duplicate
 * texts (word shingles, MinHash with LSH banding) grouped as one story with
 * several sources, and each story attached to the nearest existing event
 * (date, shared organisations, text similarity) or left unassigned.
 */
import { GROUPINGS } from '../../../src/schemas/vocabulary.ts';
import { sha256, words } from '../lib/text.ts';

export type Grouping = (typeof GROUPINGS)[number];

// ------------------------------------------------------------------ canonical URLs

const TRACKING = /^(?:utm_\w+|fbclid|gclid|gclsrc|dclid|msclkid|mc_cid|mc_eid|xtor|xts|xtref|at_\w+|_ga|_gl|igshid|ref|ref_src|ref_url|cmpid|ncid|ocid|soc_src|soc_trk|ito|mkt_tok|yclid|twclid|s_cid|sr_share|amp|outputtype|origine|sfns|vero_id|wt_mc|wt\.mc_id|__twitter_impression)$/i;

/** Host without « www. », « m. », « mobile. » or « amp. »: two addresses of one site compare equal. */
export function siteKey(host: string): string {
  return host.toLowerCase().replace(/^(?:www\d?|m|mobile|amp)\./, '');
}

/**
 * The canonical form of an address: lower-case host without AMP or mobile
 * prefix (« www. » put back on a bare domain), no fragment, no tracking
 * parameters, no AMP path marker, no trailing slash.
 */
export function canonicalizeUrl(input: string): string {
  const u = new URL(input);
  u.hash = '';
  u.hostname = u.hostname.toLowerCase();
  if (/^(?:m|mobile|amp)\./.test(u.hostname)) {
    const bare = u.hostname.replace(/^(?:m|mobile|amp)\./, '');
    u.hostname = bare.split('.').length === 2 ? `www.${bare}` : bare;
  }
  if ((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443')) u.port = '';
  const kept = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k));
  u.search = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  let path = u.pathname
    .replace(/^\/amp(?=\/)/, '')
    .replace(/\/amp\/?$/, '')
    .replace(/\.amp(\.html?)$/, '$1')
    .replace(/\/amp\.html?$/, '');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  u.pathname = path || '/';
  return u.toString();
}

/**
 * The declared canonical when it is on the same site as the read address or on
 * one of `trustedDomains` (the article's publisher's), else the read address;
 * both canonicalized. A canonical pointing to another outlet (a syndication
 * partner's original) is not taken: the copy stays its own entry.
 */
export function chooseCanonical(readUrl: string, declared?: string, trustedDomains: string[] = []): string {
  const own = canonicalizeUrl(readUrl);
  if (!declared) return own;
  try {
    const d = canonicalizeUrl(declared);
    const host = siteKey(new URL(d).host);
    const trusted = host === siteKey(new URL(own).host) || trustedDomains.some((t) => host === t || host.endsWith(`.${t}`));
    return trusted ? d : own;
  } catch {
    return own;
  }
}

/** Key comparing two canonical URLs regardless of scheme and www. */
export const urlKey = (canonical: string) => {
  const u = new URL(canonical);
  return `${siteKey(u.host)}${u.pathname}${u.search}`;
};

// ------------------------------------------------------------------------ MinHash

const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
const PRIME = 4294967311; // > 2^32
// Fixed coefficients so signatures are stable across runs and machines.
const COEF: [number, number][] = Array.from({ length: HASHES }, (_, i) => {
  let x = (i + 1) * 2654435761;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x;
  };
  return [(next() % 2147483646) + 1, next() % 2147483647];
});

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Word shingles (k words) of a text, folded. */
export function shingles(text: string, k = 5): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length < k) {
    if (w.length) out.add(w.join(' '));
    return out;
  }
  for (let i = 0; i + k <= w.length; i++) out.add(w.slice(i, i + k).join(' '));
  return out;
}

/** MinHash signature of a text (64 values). */
export function minhash(text: string): number[] {
  const sig = new Array<number>(HASHES).fill(Number.MAX_SAFE_INTEGER);
  for (const sh of shingles(text)) {
    const h = fnv1a(sh);
    for (let i = 0; i < HASHES; i++) {
      const [a, b] = COEF[i]!;
      const v = (a * h + b) % PRIME;
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures. */
export function similarity(a: number[], b: number[]): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

// ------------------------------------------------------------------------- events

export interface EventRef {
  slug: string;
  /** Stored Paris date (« AAAA-MM-JJ » or with a time). */
  date: string;
  organizations: string[];
  /** Title, summary and body, for text similarity. */
  text: string;
}

const STOP = new Set(
  'le la les un une des de du d l et ou a au aux en dans par pour sur avec sans que qui quoi dont ce cet cette ces son sa ses leur leurs il elle ils elles on se ne pas plus est sont a ont ete etre avoir fait selon apres avant entre comme mais donc or ni car deux trois lors tout tous toute toutes aussi ainsi deja encore tres bien si y'.split(' '),
);

function vector(text: string): Map<string, number> {
  const v = new Map<string, number>();
  for (const w of words(text)) if (w.length > 2 && !STOP.has(w)) v.set(w, (v.get(w) ?? 0) + 1);
  return v;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [, x] of a) na += x * x;
  for (const [, y] of b) nb += y * y;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const [k, x] of small) {
    const y = big.get(k);
    if (y) dot += x * y;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T12:00:00Z`) / 86_400_000);

export interface EventMatchOptions {
  /** Days an article may precede its event (time zones, early reports). */
  daysBefore: number;
  /** Days an article may follow its event. */
  daysAfter: number;
  /** Score at or above which the article is attached. */
  threshold: number;
}

export const DEFAULT_EVENT_OPTIONS: EventMatchOptions = { daysBefore: 1, daysAfter: 10, threshold: 0.3 };

/** The nearest event of an article, with its score, or null. */
export function nearestEvent(
  article: { publishedAt?: string | undefined; organizations: string[]; title: string; text: string },
  events: (EventRef & { vec?: Map<string, number> })[],
  opts: EventMatchOptions = DEFAULT_EVENT_OPTIONS,
): { slug: string; score: number } | null {
  if (!article.publishedAt || !events.length) return null;
  const day = dayNumber(article.publishedAt);
  const av = vector(`${article.title} ${article.title} ${article.text}`);
  let best: { slug: string; score: number } | null = null;
  for (const e of events) {
    const delta = day - dayNumber(e.date);
    if (delta < -opts.daysBefore || delta > opts.daysAfter) continue;
    e.vec ??= vector(e.text);
    const shared = e.organizations.length ? e.organizations.filter((o) => article.organizations.includes(o)).length / e.organizations.length : 0;
    const closeness = 1 - Math.max(0, delta) / (opts.daysAfter + 1);
    const score = (0.35 * shared + 0.65 * cosine(av, e.vec)) * (0.6 + 0.4 * closeness);
    if (!best || score > best.score || (score === best.score && e.slug < best.slug)) best = { slug: e.slug, score: Math.round(score * 1000) / 1000 };
  }
  return best && best.score >= opts.threshold ? best : null;
}

// -------------------------------------------------------------------------- stage

export interface GroupInput {
  /** Address read. */
  url: string;
  /** Canonical declared by the page, if any. */
  declaredCanonical?: string | undefined;
  title: string;
  text: string;
  publishedAt?: string | undefined;
  organizations: string[];
  /** An AMP copy: when merged with its original, the original wins. */
  amp?: boolean;
  /** Domains whose canonical links are trusted for this article (its publisher's). */
  trustedDomains?: string[];
}

/** What an earlier run left: each article's story and signature. */
export interface PriorArticle {
  canonicalUrl: string;
  story: string;
  signature: number[];
  event?: string | undefined;
}

export interface Grouped {
  canonicalUrl: string;
  /** Index of the input this one duplicates (same canonical URL), if any: it is not written. */
  duplicateOf?: number;
  /** Other addresses merged into this one (AMP, mobile, tracking variants). */
  mergedUrls: string[];
  story: string;
  /** Number of distinct articles (sources) in the story, this run and earlier ones. */
  storySize: number;
  event?: string;
  /** Similarity with the event, when matched in this run (absent when inherited from the story's earlier articles). */
  eventScore?: number;
  grouping: Grouping;
  signature: number[];
}

export interface GroupOptions {
  events: EventRef[];
  prior?: PriorArticle[];
  /** Estimated Jaccard at or above which two texts are one story. */
  duplicateThreshold?: number;
  eventOptions?: EventMatchOptions;
}

class UnionFind {
  parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number) {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

export function group(inputs: GroupInput[], opts: GroupOptions): Grouped[] {
  const threshold = opts.duplicateThreshold ?? 0.5;
  const prior = opts.prior ?? [];
  const canon = inputs.map((a) => chooseCanonical(a.url, a.declaredCanonical, a.trustedDomains));
  const sigs = inputs.map((a) => minhash(`${a.title}\n${a.text}`));

  // 1. Same canonical URL: keep one (not AMP, longest text), the others are duplicates.
  const byKey = new Map<string, number[]>();
  canon.forEach((c, i) => {
    const k = urlKey(c);
    byKey.set(k, [...(byKey.get(k) ?? []), i]);
  });
  const keeperOf = new Array<number>(inputs.length);
  for (const ids of byKey.values()) {
    const keeper = [...ids].sort((a, b) => Number(inputs[a]!.amp ?? false) - Number(inputs[b]!.amp ?? false) || inputs[b]!.text.length - inputs[a]!.text.length || a - b)[0]!;
    for (const i of ids) keeperOf[i] = keeper;
  }
  const keepers = inputs.map((_, i) => i).filter((i) => keeperOf[i] === i);

  // 2. Near duplicates among this run's articles and earlier ones (LSH candidates, then the estimate).
  const all = [...keepers.map((i) => ({ sig: sigs[i]!, run: i as number | null, priorIdx: null as number | null })), ...prior.map((p, j) => ({ sig: p.signature, run: null, priorIdx: j }))];
  const uf = new UnionFind(all.length);
  const buckets = new Map<string, number[]>();
  all.forEach((x, idx) => {
    if (x.sig.length !== HASHES) return;
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${x.sig.slice(b * ROWS, b * ROWS + ROWS).join(',')}`;
      const list = buckets.get(key);
      if (list) {
        for (const other of list) if (uf.find(other) !== uf.find(idx) && similarity(all[other]!.sig, x.sig) >= threshold) uf.union(other, idx);
        list.push(idx);
      } else buckets.set(key, [idx]);
    }
  });
  // Earlier articles already share stories: keep them together.
  const byStory = new Map<string, number>();
  all.forEach((x, idx) => {
    if (x.priorIdx === null) return;
    const s = prior[x.priorIdx]!.story;
    const first = byStory.get(s);
    if (first === undefined) byStory.set(s, idx);
    else uf.union(first, idx);
  });

  const components = new Map<number, number[]>();
  all.forEach((_, idx) => {
    const r = uf.find(idx);
    components.set(r, [...(components.get(r) ?? []), idx]);
  });

  const events = opts.events.map((e) => ({ ...e }));
  const result = new Array<Grouped>(inputs.length);
  for (const members of components.values()) {
    const runMembers = members.map((m) => all[m]!.run).filter((r): r is number => r !== null);
    if (!runMembers.length) continue;
    const priorMembers = members.map((m) => all[m]!.priorIdx).filter((p): p is number => p !== null).map((p) => prior[p]!);
    // Story id: an existing one if any, else from the earliest article's canonical URL.
    const earliest = [...runMembers].sort((a, b) => (inputs[a]!.publishedAt ?? '9999').localeCompare(inputs[b]!.publishedAt ?? '9999') || canon[a]!.localeCompare(canon[b]!))[0]!;
    const story = priorMembers.map((p) => p.story).sort()[0] ?? `story-${(inputs[earliest]!.publishedAt ?? '').slice(0, 10) || 'sans-date'}-${sha256(canon[earliest]!, 10)}`;
    const storySize = new Set([...runMembers.map((r) => urlKey(canon[r]!)), ...priorMembers.map((p) => urlKey(p.canonicalUrl))]).size;
    // Event: an earlier member's event, else the best match over the members.
    let event: { slug: string; score: number } | null = null;
    const priorEvent = priorMembers.find((p) => p.event)?.event;
    if (priorEvent) event = { slug: priorEvent, score: 1 };
    else {
      for (const r of runMembers) {
        const m = nearestEvent(inputs[r]!, events, opts.eventOptions);
        if (m && (!event || m.score > event.score)) event = m;
      }
    }
    for (const r of runMembers) {
      const merged = inputs.map((_, i) => i).filter((i) => keeperOf[i] === r && i !== r);
      const g: Grouped = {
        canonicalUrl: canon[r]!,
        mergedUrls: merged.map((i) => inputs[i]!.url),
        story,
        storySize,
        grouping: event ? 'nearest-event' : storySize > 1 ? 'near-duplicate' : merged.length ? 'same-url' : 'unassigned',
        signature: sigs[r]!,
      };
      if (event) {
        g.event = event.slug;
        // An event inherited from an earlier member has no score of its own.
        if (!priorEvent) g.eventScore = event.score;
      }
      result[r] = g;
    }
  }
  for (let i = 0; i < inputs.length; i++) {
    if (keeperOf[i] !== i) result[i] = { ...result[keeperOf[i]!]!, duplicateOf: keeperOf[i]!, mergedUrls: [] };
  }
  return result;
}
