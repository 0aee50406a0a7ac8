/**
 * Synthetic, French-like corpora for the search benchmark: organisations with
 * aliases, publishers, events and articles with titles, summaries, dates, kinds
 * and exposed data — shaped like the real content (same schemas, same document
 * builder) and seeded, so every run measures the same thing.
 *
 * The vocabulary grows with the corpus as real text does: common French words
 * follow a Zipf-like law, and rarer generated words (names, places, jargon)
 * keep appearing.
 */
import type { SourceEntry } from '../src/search/documents.ts';
import { DATA_CATEGORIES, EVENT_KINDS, ORGANIZATION_KINDS, STATUSES } from '../src/schemas/vocabulary.ts';
import type { SearchState } from '../src/search/state.ts';
import { emptyState } from '../src/search/state.ts';
import { categorySlug } from '../src/search/documents.ts';

/** Small, fast, seeded PRNG (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  /** Zipf-like pick: early entries much more frequent. */
  const zipf = <T>(list: readonly T[]): T => list[Math.min(list.length - 1, Math.floor(Math.pow(next(), 2.2) * list.length))]!;
  return { next, int, pick, zipf };
}
export type Rng = ReturnType<typeof rng>;

const COMMON = `données personnelles santé assurés mutuelle complémentaire opérateur tiers payant cyberattaque fuite piratage
intrusion portail professionnels comptes identifiants hameçonnage enquête plainte parquet gendarmerie police CNIL ANSSI
sécurité sociale numéro naissance assureur garanties contrat adhérents patients pharmaciens opticiens médecins hôpital
clinique laboratoire ministère gouvernement député sénat rapport audit prestataire hébergeur serveur base fichier
millions milliers victimes personnes familles courriel téléphone adresse bancaires médicales remboursements informations
attaque rançongiciel rançon revendication pirates groupe criminel forum vente diffusion exfiltration chiffrement
notification information alerte vigilance prudence escroquerie arnaque faux appels SMS messages hameçonnés usurpation
identité vol détournement sanction amende mise demeure contrôle investigation procédure instruction juge tribunal
avocat association consommateurs syndicat fédération pharmacie réseau plateforme application logiciel éditeur
hôpitaux établissements régional national européen français France Paris Lyon Marseille Lille Toulouse Bordeaux Nantes
janvier février mars avril mai juin juillet août septembre octobre novembre décembre semaine jours mois année
annonce confirme dément précise révèle affirme estime indique reconnaît découvre signale publie communique
nouvelle importante massive grave inédite historique récente première deuxième dernière ancienne officielle
responsable directeur présidente porte-parole expert chercheur journaliste enquêteurs spécialistes techniciens
accès consultation extraction volume nombre chiffre bilan estimation hausse baisse ampleur étendue périmètre
mesures correctifs renforcement authentification double facteur mot passe réinitialisation surveillance
clients partenaires sous-traitant filiale actionnaire maison mère œuvre cœur sœur manœuvre vœu nœud œil`.split(/\s+/);

const FUNCTION = ["de", "la", "le", "les", "des", "du", "et", "en", "un", "une", "pour", "par", "sur", "dans", "avec", "l'", "d'", "qu'", "au", "aux"];

const SYLLABLES = 'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu xa za zo an en in on un ar er ir or ur al el il ol ys is as us ex'.split(' ');
const ACCENTS: Record<string, string> = { e: 'é', a: 'à', i: 'î', o: 'ô', u: 'û' };

/** A pronounceable made-up word, sometimes accented. */
export function pseudoWord(r: Rng, syllables = 2 + r.int(3)): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += r.pick(SYLLABLES);
  if (r.next() < 0.25) {
    const i = r.int(w.length);
    const c = w[i]!;
    if (ACCENTS[c]) w = w.slice(0, i) + ACCENTS[c] + w.slice(i + 1);
  }
  return w;
}
export const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

const ORG_PREFIX = ['Mutuelle', 'Groupe', 'Harmonie', 'Caisse', 'Assurances', 'Clinique', 'Laboratoire', 'Société', 'Union', 'Fédération', '', '', ''];
const ORG_SUFFIX = ['Santé', 'Prévoyance', 'Mutualité', 'Conseil', 'Services', 'France', '', '', '', ''];

/**
 * French-like sentences of `min` to `max` words: common words on a Zipf-like
 * law, rare made-up words from a pool that grows with the corpus (Heaps' law,
 * roughly k·n^0.6 words), function words in between.
 */
export function sentenceMaker(r: Rng, size: number, rareRng: Rng) {
  const rare = Array.from({ length: Math.round(40 * Math.pow(size, 0.6)) }, () => pseudoWord(rareRng));
  const word = () => (r.next() < 0.12 ? r.pick(rare) : r.zipf(COMMON));
  return (min: number, max: number) => {
    const n = min + r.int(max - min);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      if (i > 0 && r.next() < 0.35) {
        const f = r.pick(FUNCTION);
        parts.push(f.endsWith("'") ? f + word() : f, word());
        i++;
      } else parts.push(word());
    }
    return cap(parts.join(' '));
  };
}

export interface Corpus {
  entries: SourceEntry[];
  orgNames: string[];
  orgSlugs: string[];
  pubSlugs: string[];
  words: string[];
}

const slugify = (s: string) =>
  s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/œ/g, 'oe').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** A corpus of `size` search documents (about 5 % organisations, 45 % events, 50 % articles). */
export function generateCorpus(size: number, seed = 42): Corpus {
  const r = rng(seed);
  const orgCount = Math.max(20, Math.round(size * 0.05));
  const pubCount = Math.max(10, Math.round(size / 250));
  const eventCount = Math.round((size - orgCount) * 0.47);
  const articleCount = size - orgCount - eventCount;
  // (Own generator for the rare words, so the organisations below come out the same at every size.)
  const sentence = sentenceMaker(r, size, rng(seed ^ 0x9e3779b9));

  const entries: SourceEntry[] = [];
  const orgNames: string[] = [];
  const orgSlugs: string[] = [];
  const used = new Set<string>();
  for (let i = 0; i < orgCount; i++) {
    let name = '';
    let slug = '';
    do {
      name = [r.pick(ORG_PREFIX), cap(pseudoWord(r, 2 + r.int(2))), r.pick(ORG_SUFFIX)].filter(Boolean).join(' ');
      slug = slugify(name);
    } while (used.has(slug));
    used.add(slug);
    orgNames.push(name);
    orgSlugs.push(slug);
    const aliases: string[] = [];
    const initials = name.split(' ').map((w) => w[0]).join('').toUpperCase();
    if (initials.length > 1 && r.next() < 0.5) aliases.push(initials);
    if (r.next() < 0.3) aliases.push(name.normalize('NFKD').replace(/\p{M}/gu, ''));
    entries.push({
      collection: 'organizations',
      slug,
      data: {
        name,
        aliases,
        kind: r.pick(Object.keys(ORGANIZATION_KINDS)) as keyof typeof ORGANIZATION_KINDS,
        relations: [],
        description: `${sentence(14, 30)}. ${sentence(6, 14)}.`,
        sources: [],
      },
    });
  }
  const pubSlugs: string[] = [];
  for (let i = 0; i < pubCount; i++) {
    const name = `${cap(pseudoWord(r))} ${r.pick(['Info', 'Actu', 'Presse', 'Hebdo', 'Matin', 'Soir', 'Santé', 'Tech'])}`;
    const slug = `${slugify(name)}-${i}`;
    pubSlugs.push(slug);
    entries.push({ collection: 'publishers', slug, data: { name, domains: [`${slug}.fr`], feeds: [], language: 'fr', origin: 'editor', reviewed: false } });
  }
  const date = () => {
    const y = 2015 + r.int(11);
    const m = 1 + r.int(12);
    const d = 1 + r.int(28);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const someOrgs = () => Array.from({ length: 1 + r.int(3) }, () => orgSlugs[Math.floor(Math.pow(r.next(), 1.5) * orgSlugs.length)]!);
  const kinds = Object.keys(EVENT_KINDS) as (keyof typeof EVENT_KINDS)[];
  const statuses = Object.keys(STATUSES) as (keyof typeof STATUSES)[];
  const eventSlugs: string[] = [];
  for (let i = 0; i < eventCount; i++) {
    const orgs = someOrgs();
    const lead = orgNames[orgSlugs.indexOf(orgs[0]!)]!;
    const title = `${lead} ${sentence(5, 12).toLowerCase()}`.slice(0, 200);
    const slug = `evenement-${i}`;
    eventSlugs.push(slug);
    const exposed = [...new Set(Array.from({ length: r.int(4) }, () => r.pick(DATA_CATEGORIES)))];
    entries.push({
      collection: 'events',
      slug,
      body: `${sentence(20, 40)}. ${sentence(10, 25)}.`,
      data: {
        dossier: 'synthetique',
        title,
        date: date(),
        precision: 'day',
        kind: r.pick(kinds),
        related: [],
        organizations: [...new Set(orgs)],
        exposed,
        notExposed: [],
        figures: [],
        sources: [{ url: 'https://exemple.fr/source', publisher: 'Exemple', verified: true }],
        status: r.next() < 0.8 ? 'confirmé' : r.pick(statuses),
        corrections: [],
        summary: `${sentence(18, 40)}.`.slice(0, 400),
      },
    });
  }
  for (let i = 0; i < articleCount; i++) {
    const orgs = someOrgs();
    const title = `${sentence(6, 14)} : ${orgNames[orgSlugs.indexOf(orgs[0]!)]}`.slice(0, 300);
    entries.push({
      collection: 'coverage',
      slug: `article-${i}`,
      body: '',
      data: {
        dossier: 'synthetique',
        url: `https://exemple.fr/a/${i}`,
        canonicalUrl: `https://exemple.fr/a/${i}`,
        publisher: pubSlugs[r.int(pubSlugs.length)]!,
        title,
        publishedAt: date(),
        excerpt: r.next() < 0.7 ? `${sentence(15, 40)}.`.slice(0, 300) : undefined,
        organizations: [...new Set(orgs)],
        event: r.next() < 0.6 ? eventSlugs[r.int(eventSlugs.length)] : undefined,
        alsoEvents: [],
        provenance: { via: 'synthetique', grouping: 'unassigned', reviewed: false },
        origin: 'ingest',
        locked: false,
      } as never,
    });
  }
  return { entries, orgNames, orgSlugs, pubSlugs, words: COMMON };
}

export type QueryCategory = 'exact' | 'accents' | 'typo' | 'multi' | 'facets';
export interface BenchQuery {
  category: QueryCategory;
  state: SearchState;
}

/** One typo: a letter dropped, doubled, swapped with the next, or replaced. */
export function typo(r: Rng, w: string): string {
  if (w.length < 5) return w;
  const i = 1 + r.int(w.length - 2);
  switch (r.int(4)) {
    case 0:
      return w.slice(0, i) + w.slice(i + 1);
    case 1:
      return w.slice(0, i) + w[i] + w.slice(i);
    case 2:
      return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    default:
      return w.slice(0, i) + (w[i] === 'e' ? 'a' : 'e') + w.slice(i + 1);
  }
}
const strip = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');

/**
 * The fixed list of 200 queries, 40 of each kind. Drawn from the 1,000-entry
 * corpus's organisations and words, which every larger corpus also has (same
 * seed, same first organisations), so all sizes run the same queries.
 */
export function benchQueries(seed = 7): BenchQuery[] {
  const base = generateCorpus(1000);
  const r = rng(seed);
  const q = (category: QueryCategory, text: string, extra: Partial<SearchState> = {}): BenchQuery => ({ category, state: { ...emptyState(), q: text, ...extra } });
  const orgWord = () => r.pick(base.orgNames).split(' ').sort((a, b) => b.length - a.length)[0]!;
  const common = () => r.pick(COMMON.slice(0, 150));
  const accented = COMMON.filter((w) => strip(w) !== w);
  const out: BenchQuery[] = [];
  for (let i = 0; i < 40; i++) out.push(q('exact', i % 2 ? orgWord() : i % 4 ? common() : r.pick(base.orgNames)));
  for (let i = 0; i < 40; i++) {
    const w = r.pick(accented);
    out.push(q('accents', i % 3 === 0 ? strip(w).toUpperCase() : i % 3 === 1 ? strip(w) : `${strip(w)} ${strip(r.pick(accented))}`));
  }
  for (let i = 0; i < 40; i++) out.push(q('typo', typo(r, i % 2 ? orgWord().toLowerCase() : r.pick(COMMON.filter((w) => w.length >= 6)))));
  for (let i = 0; i < 40; i++) {
    const n = 2 + r.int(2);
    out.push(q('multi', Array.from({ length: n }, (_, j) => (j === 0 && i % 2 ? orgWord() : common())).join(' ')));
  }
  const kinds = Object.keys(EVENT_KINDS);
  for (let i = 0; i < 40; i++) {
    const text = i % 4 === 3 ? '' : i % 2 ? common() : orgWord();
    const extra: Partial<SearchState> = {};
    if (i % 4 === 0) extra.type = [r.pick(kinds)];
    if (i % 4 === 1) extra.org = [base.orgSlugs[r.int(20)]!];
    if (i % 4 === 2) Object.assign(extra, { du: `${2016 + r.int(8)}`, au: `${2020 + r.int(5)}-06` });
    if (i % 4 === 3) Object.assign(extra, { cat: [categorySlug(r.pick(DATA_CATEGORIES))], type: [r.pick(kinds)] });
    out.push(q('facets', text, extra));
  }
  return out;
}
