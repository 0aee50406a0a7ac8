/**
 * Classify stage: relevance to the dossier (weighted topic terms), the
 * organisations named (names and aliases from content/organizations, case and
 * accent insensitive, whole words only), the personal-data categories
 * mentioned (exposed or said not exposed) and the figures quoted.
 */
import { DATA_CATEGORIES, type DataCategory } from '../../../src/schemas/vocabulary.ts';
import { countMatches, fold, wordPattern } from '../lib/text.ts';

export interface OrganizationRef {
  slug: string;
  name: string;
  aliases: string[];
}

export interface TopicTerm {
  term: string;
  weight: number;
}

export interface ClassifierOptions {
  /** Score at or above which an article is relevant. */
  threshold: number;
  /** Hits of one term counted at most this many times. */
  maxHitsPerTerm: number;
  /** Weight multiplier for hits in the title. */
  titleBoost: number;
}

export const DEFAULT_CLASSIFIER_OPTIONS: ClassifierOptions = { threshold: 7, maxHitsPerTerm: 3, titleBoost: 2 };

export interface Classifier {
  terms: { term: string; weight: number; re: RegExp }[];
  orgs: { slug: string; res: RegExp[] }[];
  opts: ClassifierOptions;
}

export function buildClassifier(orgs: OrganizationRef[], terms: TopicTerm[], opts: Partial<ClassifierOptions> = {}): Classifier {
  return {
    terms: terms.filter((t) => t.term.trim()).map((t) => ({ term: t.term, weight: t.weight, re: wordPattern(t.term) })),
    orgs: orgs.map((o) => ({ slug: o.slug, res: [...new Map([o.name, ...o.aliases].filter((n) => n.trim()).map((n) => [fold(n).trim(), n] as const)).values()].map(wordPattern) })),
    opts: { ...DEFAULT_CLASSIFIER_OPTIONS, ...opts },
  };
}

export interface Relevance {
  score: number;
  relevant: boolean;
  /** Hits per topic term (title and text together). */
  hits: Record<string, number>;
}

/** Weighted score of the topic terms in a title and a text. */
export function relevance(c: Classifier, title: string, text: string): Relevance {
  const ft = fold(title);
  const fx = fold(text);
  let score = 0;
  const hits: Record<string, number> = {};
  for (const t of c.terms) {
    const inTitle = countMatches(ft, t.re);
    const inText = countMatches(fx, t.re);
    if (inTitle + inText === 0) continue;
    hits[t.term] = inTitle + inText;
    score += t.weight * (Math.min(inText, c.opts.maxHitsPerTerm) + c.opts.titleBoost * Math.min(inTitle, 1));
  }
  score = Math.round(score * 100) / 100;
  return { score, relevant: score >= c.opts.threshold, hits };
}

export type Prejudgement = 'relevant' | 'irrelevant' | 'unsure';

/**
 * A first opinion from a feed item's title and summary: relevant at the
 * threshold, irrelevant when nothing matches and the summary was long enough
 * to tell, unsure otherwise (the page is then fetched and judged on its text).
 */
export function prejudge(c: Classifier, title: string, summary = ''): Prejudgement {
  const r = relevance(c, title, summary);
  if (r.relevant) return 'relevant';
  if (r.score === 0 && summary.trim().length >= 120) return 'irrelevant';
  if (r.score === 0 && !c.orgs.some((o) => o.res.some((re) => countMatches(fold(`${title} ${summary}`), re) > 0)) && summary.trim().length > 0) return 'irrelevant';
  return 'unsure';
}

/** Slugs of the organisations named, most mentioned first. */
export function organizationsNamed(c: Classifier, title: string, text: string): string[] {
  const f = fold(`${title}\n${text}`);
  const found: { slug: string; n: number; first: number }[] = [];
  for (const o of c.orgs) {
    let n = 0;
    let first = Infinity;
    for (const re of o.res) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(f))) {
        n++;
        first = Math.min(first, m.index);
      }
    }
    if (n) found.push({ slug: o.slug, n, first });
  }
  return found.sort((a, b) => b.n - a.n || a.first - b.first).map((x) => x.slug);
}

// --------------------------------------------------------------- data categories

const CATEGORY_PATTERNS: Record<DataCategory, string> = {
  nom: "(?:noms?(?! de l'assureur| de l'organisme| de la mutuelle| de la complementaire| du contrat| de l'assurance)|etat civil|identite)",
  'prénom': '(?:prenoms?|etat civil)',
  'date de naissance': 'dates? de naissance',
  'rang de naissance': 'rangs? de naissance',
  'numéro de sécurité sociale': "(?:numeros? de (?:la )?securite sociale|numeros? de secu|numeros? d'assure social|nir)",
  "nom de l'assureur": "(?:noms? de (?:l'assureur|l'organisme|la mutuelle|la complementaire|leur mutuelle|leur assureur)|nom de l'assureur sante)",
  'numéro de contrat': 'numeros? de contrats?',
  garanties: '(?:garanties(?: souscrites| du contrat)?)',
  'référence interne': 'references? internes?',
  'coordonnées bancaires': '(?:coordonnees bancaires|informations bancaires|donnees bancaires|comptes? bancaires?|iban|rib)',
  'données médicales': '(?:donnees medicales|donnees de sante|informations medicales|dossiers? medica(?:l|ux))',
  remboursements: '(?:remboursements?(?: de (?:soins|sante))?)',
  'adresse postale': '(?:adresses? postales?|coordonnees postales|adresses?(?! e-?mail| electroniques?| mails?| ip| de courriel))',
  'téléphone': '(?:numeros? de telephone|telephones?)',
  'e-mail': '(?:e-?mails?|courriels?|adresses? electroniques?|adresses? mails?)',
  sexe: 'sexe',
  'lieu de naissance': 'lieux? de naissance',
  "numéro d'adhérent": "numeros? d'adherents?",
  'ayants droit': 'ayants?[- ]droits?',
  'mot de passe': 'mots? de passe',
  'identifiants de connexion': 'identifiants? de connexion',
  'numéros FINESS et SIRET': '(?:finess|siret)',
  // Only the data field: « réseau de soins » alone names a kind of organisation.
  'réseau de soins': 'appartenance a un reseau de soins',
};
const CATEGORY_RES = (Object.keys(CATEGORY_PATTERNS) as DataCategory[]).map((k) => [k, new RegExp(`(?<![\\p{L}\\p{N}])${CATEGORY_PATTERNS[k]}(?![\\p{L}\\p{N}])`, 'u')] as const);
const NEGATION = /(?<![\p{L}])(?:pas|ni|aucun|aucune|aucunement|non|epargnee?s?|exclue?s?|hors de|en aucun cas|ne figurent|n'ont pas|ne sont pas)(?![\p{L}])/u;

export interface DataCategories {
  /** Categories said to be exposed (mentioned without negation). */
  exposed: DataCategory[];
  /** Categories said not to be exposed. */
  notExposed: DataCategory[];
}

/** Data categories mentioned, split by clause into exposed and said not exposed. */
export function dataCategories(text: string): DataCategories {
  const exposed = new Set<DataCategory>();
  const notExposed = new Set<DataCategory>();
  const clauses = fold(text).split(/(?<=[.!?;])\s+|\n+|,? mais |,? en revanche,? |,? tandis que /);
  for (const clause of clauses) {
    const negated = NEGATION.test(clause);
    for (const [cat, re] of CATEGORY_RES) if (re.test(clause)) (negated ? notExposed : exposed).add(cat);
  }
  for (const c of notExposed) exposed.delete(c);
  const order = (a: DataCategory, b: DataCategory) => DATA_CATEGORIES.indexOf(a) - DATA_CATEGORIES.indexOf(b);
  return { exposed: [...exposed].sort(order), notExposed: [...notExposed].sort(order) };
}

// ------------------------------------------------------------------------ figures

export interface FigureMention {
  /** The words as written (« plus de 33 millions de personnes »). */
  text: string;
  /** The number (33000000). */
  value: number;
  /** What is counted, when said: one of personnes, assurés, comptes, enregistrements, organismes, or « % ». */
  unit?: string;
  /** How the number is framed. */
  qualifier?: 'min' | 'max' | 'approx';
}

const UNIT_WORDS: [RegExp, string][] = [
  [/^(?:personnes?|individus|francais|citoyens|victimes|patients|beneficiaires)$/, 'personnes'],
  [/^(?:assures?(?: sociaux)?|adherents?)$/, 'assurés'],
  [/^comptes?$/, 'comptes'],
  [/^(?:enregistrements?|lignes?|fiches?|dossiers?)$/, 'enregistrements'],
  [/^(?:organismes?(?: complementaires)?|mutuelles?|complementaires?(?: sante)?|assureurs?|clients?)$/, 'organismes'],
];

const NUM = '(\\d{1,3}(?:[ \\u00a0\\u202f.]\\d{3})+|\\d+(?:[,.]\\d+)?)';
const FIGURE_RE = new RegExp(
  `(?:(plus de|pres de|environ|quelque|quelques|au moins|moins de|jusqu'a|pas moins de|au total|un peu plus de|un peu moins de)\\s+)?${NUM}\\s*(%|pour ?cent|millions?|milliards?|milliers|mille)?(?:\\s+(?:de |d'))?(?:\\s*([\\p{L}-]+(?: sociaux| complementaires| sante)?))?`,
  'gu',
);

/** Figures quoted: a number with a scale (« 20 millions ») or a unit (« 80 organismes »), or a percentage. */
export function figuresIn(text: string): FigureMention[] {
  const folded = fold(text);
  const out: FigureMention[] = [];
  const seen = new Set<string>();
  FIGURE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIGURE_RE.exec(folded))) {
    const [whole, qual, num, scale, unitWord] = m;
    const before = folded[m.index - 1];
    if (before && /[\p{L}\p{N}/:-]/u.test(before)) continue;
    let value = Number(num!.replace(/[ \u00a0\u202f.]/g, (c) => (/^\d{1,3}(?:[ \u00a0\u202f.]\d{3})+$/.test(num!) ? '' : c)).replace(',', '.'));
    if (!Number.isFinite(value)) continue;
    let unit: string | undefined;
    if (scale === '%' || scale?.startsWith('pour')) unit = '%';
    else if (scale?.startsWith('million')) value *= 1e6;
    else if (scale?.startsWith('milliard')) value *= 1e9;
    else if (scale === 'milliers' || scale === 'mille') value *= 1e3;
    if (unit !== '%' && unitWord) unit = UNIT_WORDS.find(([re]) => re.test(unitWord))?.[1];
    if (!scale && !unit) continue;
    if (unit !== '%' && !scale && value < 2) continue;
    if (/^(?:19|20)\d{2}$/.test(num!) && !scale && unit !== '%') continue;
    const qualifier = !qual ? undefined : /plus|moins de$|au moins|pas moins/.test(qual) && !/^moins|un peu moins/.test(qual) ? 'min' : /^moins|jusqu|un peu moins/.test(qual) ? 'max' : 'approx';
    // The words as written in the original text (same offsets: folding keeps lengths for French letters).
    const raw = text.length === folded.length ? text.slice(m.index, m.index + whole.length) : whole;
    const kept = unit && unit !== '%' ? raw.trim() : raw.replace(/\s+(?:de |d')?\s*[\p{L}-]+(?: sociaux| complementaires| sante)?$/u, '').trim();
    const key = `${value}|${unit}|${qualifier}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const f: FigureMention = { text: kept, value: Math.round(value * 1000) / 1000 };
    if (unit) f.unit = unit;
    if (qualifier) f.qualifier = qualifier;
    out.push(f);
  }
  return out;
}

// ---------------------------------------------------------------------- the stage

export interface Classification {
  relevance: Relevance;
  organizations: string[];
  dataCategories: DataCategories;
  figures: FigureMention[];
}

export function classify(c: Classifier, title: string, text: string): Classification {
  return {
    relevance: relevance(c, title, text),
    organizations: organizationsNamed(c, title, text),
    dataCategories: dataCategories(text),
    figures: figuresIn(text),
  };
}
