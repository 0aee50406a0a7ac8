/**
 * Normalize stage: Unicode NFC, control and bidirectional characters removed,
 * French spacing and quotes, whitespace; then personal data masked so it is
 * never stored: French social-security numbers (key checked), IBANs (checksum
 * checked), e-mail addresses and phone numbers of private persons become
 * « [masqué] ».
 */

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

const SEP = '[ \\u00a0\\u202f.-]?';
const NIR_RE = new RegExp(`(?<![\\p{L}\\p{N}])([12378])${SEP}(\\d{2})${SEP}(\\d{2})${SEP}(\\d{2}|2[AaBb])${SEP}(\\d{3})${SEP}(\\d{3})${SEP}(\\d{2})(?![\\p{L}\\p{N}])`, 'gu');

/** True when the 2-digit key of a social-security number matches its 13 digits (Corsica 2A/2B handled). */
export function nirKeyValid(thirteen: string, key: string): boolean {
  const digits = thirteen.toUpperCase().replace('2A', '19').replace('2B', '18');
  if (!/^\d{13}$/.test(digits)) return false;
  const k = 97n - (BigInt(digits) % 97n);
  return k === BigInt(key);
}

/** True when an IBAN (spaces removed) passes the ISO 13616 mod-97 check. */
export function ibanValid(iban: string): boolean {
  const s = iban.replace(/[\s\u00a0\u202f]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const v = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

const IBAN_RE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ \u00a0\u202f]?[A-Z0-9]{1,4}){3,8}(?![A-Za-z0-9])/g;

const EMAIL_RE = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}-])/gu;
/** Addresses of a function, not of a person: they stay. */
const ROLE_LOCAL = /^(?:contact|contacts|presse|press|media|medias|info|infos|information|informations|dpo|rgpd|gdpr|cil|communication|comm|service[-._]?client|serviceclient|clients?|support|aide|help|redaction|accueil|secretariat|noreply|no-reply|webmaster|abonnement|abonnements|relations[-._]?presse|signalement|plainte|juridique|legal|cnil|hello|bonjour)$/i;

const PHONE_RE = /(?<![\p{N}+])(?:(?:\+|00)33[ \u00a0\u202f.-]?(?:\(0\)[ \u00a0\u202f.-]?)?|0)([1-9])(?:[ \u00a0\u202f.-]?\d{2}){4}(?!\d)/gu;
/** Words before a number that show it belongs to an organisation. */
const ORG_PHONE_CUE = /(?:service[s]? client|service consommateurs?|standard|num[ée]ro vert|num[ée]ro d[ée]di[ée]|plateforme|hotline|cellule|assistance|accueil|si[èe]ge|mutuelle|assureur|caisse|cpam|cnil|minist[èe]re|pr[ée]fecture|mairie|h[ôo]pital|joignable|permanence|ligne d[ée]di[ée]e)/i;

export interface MaskOptions {
  /** E-mail addresses or domains (« @exemple.fr ») that are never masked (organisations). */
  allowEmails?: string[];
}

export interface MaskCounts {
  nir: number;
  iban: number;
  email: number;
  phone: number;
}

/** Masks personal data; returns the text and what was masked. */
export function maskPersonalData(text: string, opts: MaskOptions = {}): { text: string; masked: MaskCounts } {
  const masked: MaskCounts = { nir: 0, iban: 0, email: 0, phone: 0 };
  let t = text.replace(NIR_RE, (m, sex: string, yy: string, mm: string, dep: string, com: string, ord: string, key: string) => {
    if (!nirKeyValid(`${sex}${yy}${mm}${dep}${com}${ord}`, key)) return m;
    masked.nir++;
    return MASK;
  });
  t = t.replace(IBAN_RE, (m) => {
    // The match may have swallowed a following code (« … 189 EUR »): try shorter prefixes, longest first.
    const groups = m.split(/(?=[ \u00a0\u202f][A-Z0-9])/);
    for (let n = groups.length; n >= 3; n--) {
      const candidate = groups.slice(0, n).join('');
      if (ibanValid(candidate)) {
        masked.iban++;
        return MASK + m.slice(candidate.length);
      }
    }
    return ibanValid(m) ? (masked.iban++, MASK) : m;
  });
  const allow = (opts.allowEmails ?? []).map((a) => a.toLowerCase());
  t = t.replace(EMAIL_RE, (m) => {
    const lower = m.toLowerCase();
    const [local, domain] = [lower.slice(0, lower.lastIndexOf('@')), lower.slice(lower.lastIndexOf('@') + 1)];
    if (ROLE_LOCAL.test(local) || allow.includes(lower) || allow.some((a) => a.startsWith('@') && (domain === a.slice(1) || domain.endsWith(`.${a.slice(1)}`)))) return m;
    masked.email++;
    return MASK;
  });
  t = t.replace(PHONE_RE, (m, first: string, offset: number, whole: string) => {
    if (first === '8') return m; // 08: service numbers
    // Only the clause the number is in: a cue in an earlier sentence does not count.
    const before = whole.slice(Math.max(0, offset - 60), offset).split(/[;.!?\n]\s/).pop() ?? '';
    if (first !== '6' && first !== '7' && ORG_PHONE_CUE.test(before)) return m;
    masked.phone++;
    return MASK;
  });
  return { text: t, masked };
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
  const total: MaskCounts = { nir: 0, iban: 0, email: 0, phone: 0 };
  const add = (m: MaskCounts) => {
    total.nir += m.nir;
    total.iban += m.iban;
    total.email += m.email;
    total.phone += m.phone;
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
