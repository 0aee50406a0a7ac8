/**
 * Normalize stage: Unicode NFC, control and bidirectional characters removed,
 * French spacing and quotes, whitespace; then personal data masked so it is
 * never stored: French social-security numbers (key checked), IBANs (checksum
 * checked), payment cards (Luhn), e-mail addresses and phone numbers of
 * private persons become « [masqué] » (detection: ../lib/personal-data.ts).
 */

import { findPersonalData, phoneFirstDigit, replaceMatches, type PersonalDataKind, type PersonalDataMatch } from '../lib/personal-data.ts';

export { ibanValid, nirKeyValid } from '../lib/personal-data.ts';

export const MASK = '[masqué]';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** C0/C1 controls (tab and newline kept), bidi overrides and isolates, zero-width characters, BOM. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

/** Removes control, bidi and zero-width characters. */
export function stripUnsafe(text: string): string {
  return text.replace(UNSAFE, '');
}

/** French typography: « » with no-break spaces, narrow no-break space before ; ! ?, no-break space before :, typographic apostrophe. */
export function frenchTypography(text: string): string {
  let t = text;
  // Curly or straight double quotes used in pairs become guillemets.
  t = t.replace(/[“”„]/g, '"');
  t = t.replace(/"([^"\n]{1,400})"/g, (_m, inner: string) => `«${NBSP}${inner.trim()}${NBSP}»`);
  // Guillemets: exactly one no-break space inside.
  t = t.replace(/«[\s\u00a0\u202f]*/g, `«${NBSP}`).replace(/[\s\u00a0\u202f]*»/g, `${NBSP}»`);
  // Apostrophes between letters.
  t = t.replace(/(\p{L})'(?=\p{L})/gu, '$1’');
  // Before a colon followed by a space (so times and URLs are untouched).
  t = t.replace(/(\S)[ \u00a0\u202f]?:(?=[ \u00a0\n]|$)/g, (m, before: string) => (/[:/]/.test(before) ? m : `${before}${NBSP}:`));
  // Before ; ! ? (not in URLs: only when followed by a space, a closing mark or the end).
  t = t.replace(/(\S)[ \u00a0\u202f]?([;!?]+)(?=[\s\u00a0»)]|$)/g, (m, before: string, marks: string) => (before === '«' || /[;!?]/.test(before) ? m : `${before}${NNBSP}${marks}`));
  // No space before comma or period.
  t = t.replace(/(\p{L}|\d)[ \u00a0]+([,.])(?=\s|$)/gu, '$1$2');
  return t;
}

/** Spaces collapsed, lines trimmed, paragraphs separated by exactly one blank line. */
export function normalizeWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .split(/\n[ \u00a0\u202f]*\n+/)
    .map((p) => p.replace(/[ \u00a0\u202f]*\n[ \u00a0\u202f]*/g, ' ').replace(/ {2,}/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** A single line: every run of whitespace becomes one space. */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

// ------------------------------------------------------------------ personal data

/** Addresses of a function, not of a person: they stay. */
const ROLE_LOCAL = /^(?:contact|contacts|presse|press|media|medias|info|infos|information|informations|dpo|rgpd|gdpr|cil|communication|comm|service[-._]?client|serviceclient|clients?|support|aide|help|redaction|accueil|secretariat|noreply|no-reply|webmaster|abonnement|abonnements|relations[-._]?presse|signalement|plainte|juridique|legal|cnil|hello|bonjour)$/i;

/** Words before a number that show it belongs to an organisation. */
const ORG_PHONE_CUE = /(?:service[s]? client|service consommateurs?|standard|num[ée]ro vert|num[ée]ro d[ée]di[ée]|plateforme|hotline|cellule|assistance|accueil|si[èe]ge|mutuelle|assureur|caisse|cpam|cnil|minist[èe]re|pr[ée]fecture|mairie|h[ôo]pital|joignable|permanence|ligne d[ée]di[ée]e)/i;

export interface MaskOptions {
  /** E-mail addresses or domains (« @exemple.fr ») that are never masked (organisations). */
  allowEmails?: string[];
}

export type MaskCounts = Record<PersonalDataKind, number>;

/** Masks personal data; returns the text and what was masked. */
export function maskPersonalData(text: string, opts: MaskOptions = {}): { text: string; masked: MaskCounts } {
  const masked: MaskCounts = { nir: 0, iban: 0, card: 0, email: 0, phone: 0 };
  const allow = (opts.allowEmails ?? []).map((a) => a.toLowerCase());
  const publicEmail = (address: string) => {
    const lower = address.toLowerCase();
    const [local, domain] = [lower.slice(0, lower.lastIndexOf('@')), lower.slice(lower.lastIndexOf('@') + 1)];
    return ROLE_LOCAL.test(local) || allow.includes(lower) || allow.some((a) => a.startsWith('@') && (domain === a.slice(1) || domain.endsWith(`.${a.slice(1)}`)));
  };
  const publicPhone = (m: PersonalDataMatch) => {
    const first = phoneFirstDigit(m.value);
    if (first === '8') return true; // 08: service numbers
    // Only the clause the number is in: a cue in an earlier sentence does not count.
    const before = text.slice(Math.max(0, m.index - 60), m.index).split(/[;.!?\n]\s/).pop() ?? '';
    return first !== '6' && first !== '7' && ORG_PHONE_CUE.test(before);
  };
  const hidden = findPersonalData(text).filter((m) => !(m.kind === 'email' && publicEmail(m.value)) && !(m.kind === 'phone' && publicPhone(m)));
  for (const m of hidden) masked[m.kind]++;
  return { text: replaceMatches(text, hidden, MASK), masked };
}

// ------------------------------------------------------------------- the stage

/** What the stage needs of an article; other fields pass through untouched. */
export interface Normalizable {
  title: string;
  text: string;
  author?: string;
  excerpt?: string;
  siteName?: string;
}

/** NFC, unsafe characters out, typography, whitespace, then masking (masking last, on the final text). */
export function normalizeText(text: string, opts: MaskOptions = {}, multiline = true): { text: string; masked: MaskCounts } {
  let t = stripUnsafe(text.normalize('NFC'));
  t = multiline ? normalizeWhitespace(t) : oneLine(t);
  t = frenchTypography(t);
  return maskPersonalData(t, opts);
}

export function normalizeArticle<T extends Normalizable>(article: T, opts: MaskOptions = {}): T & { masked: MaskCounts } {
  const total: MaskCounts = { nir: 0, iban: 0, card: 0, email: 0, phone: 0 };
  const add = (m: MaskCounts) => {
    for (const kind of Object.keys(total) as PersonalDataKind[]) total[kind] += m[kind];
  };
  const one = (s: string, multi = false) => {
    const r = normalizeText(s, opts, multi);
    add(r.masked);
    return r.text;
  };
  const out = { ...article, title: one(article.title), text: one(article.text, true), masked: total };
  if (article.author !== undefined) out.author = one(article.author);
  if (article.excerpt !== undefined) out.excerpt = one(article.excerpt);
  if (article.siteName !== undefined) out.siteName = one(article.siteName);
  return out;
}
