/**
 * Finding personal data in text: French social-security numbers (NIR, key
 * checked, Corsica 2A/2B handled), IBANs (ISO 13616 mod-97), payment card
 * numbers (Luhn, card-network prefixes), e-mail addresses and French phone
 * numbers. One module for the two users: the ingestion's normalize stage masks
 * what it finds; the check over the built site (scripts/check-dist/) refuses it.
 * What counts as public (an organisation's address) is for each caller to say.
 */

export type PersonalDataKind = 'nir' | 'iban' | 'card' | 'email' | 'phone';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  value: string;
  /** Offset of the value in the scanned text. */
  index: number;
}

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

/** True when a digit string passes the Luhn check used by payment cards. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Card networks' number prefixes and lengths (Visa, Mastercard, American Express,
 * CB co-badged cards use these too, Discover, JCB, Diners, Maestro, UnionPay):
 * one random digit run in ten passes Luhn, the prefix keeps order numbers out.
 */
const CARD_PREFIX = /^(?:4\d{12}(?:\d{3}){0,2}|5[1-5]\d{14}|2(?:2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)\d{12}|3[47]\d{13}|3(?:0[0-5]|[689]\d)\d{11,16}|6(?:011|5\d\d)\d{12,15}|35(?:2[89]|[3-8]\d)\d{12,15}|(?:5[06-8]|6\d)\d{10,17}|62\d{14,17})$/;
const CARD_RE = /(?<![\p{L}\p{N}])\d(?:[ \u00a0\u202f-]?\d){12,18}(?![\p{L}\p{N}])/gu;

/** True when a number (separators allowed) looks like a payment card: network prefix and length, and Luhn. */
export function cardNumberValid(text: string): boolean {
  const digits = text.replace(/[ \u00a0\u202f-]/g, '');
  return CARD_PREFIX.test(digits) && luhnValid(digits);
}

const IBAN_RE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ \u00a0\u202f]?[A-Z0-9]{1,4}){3,8}(?![A-Za-z0-9])/g;

export const EMAIL_RE = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}-])/gu;
const EMAIL_AT = new RegExp(EMAIL_RE.source, 'uy');
const LOCAL_CHAR = /^[\p{L}\p{N}._%+-]$/u;

/**
 * E-mail addresses, as EMAIL_RE finds them, but tried only where an « @ » is:
 * run over every letter of a large page, the regex is most of a site scan's time.
 * Each « @ » can start one address only, at the start of the run of local-part
 * characters before it (walked back by code point, so astral letters count).
 */
function* emailsIn(text: string): Generator<{ value: string; index: number }> {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0) {
      const pair = start > 1 && /[\udc00-\udfff]/.test(text[start - 1]!) && /[\ud800-\udbff]/.test(text[start - 2]!);
      const step = pair ? 2 : 1;
      if (!LOCAL_CHAR.test(text.slice(start - step, start))) break;
      start -= step;
    }
    if (start === at) continue;
    EMAIL_AT.lastIndex = start;
    const m = EMAIL_AT.exec(text);
    if (m) yield { value: m[0], index: start };
  }
}

/** French numbers: 0X XX XX XX XX, +33 / 0033, with or without « (0) », any usual separator. */
const PHONE_RE = /(?<![\p{N}+])(?:(?:\+|00)33[ \u00a0\u202f.-]?(?:\(0\)[ \u00a0\u202f.-]?)?|0)([1-9])(?:[ \u00a0\u202f.-]?\d{2}){4}(?!\d)/gu;

/** The first digit after 0 or +33: 6 and 7 are mobiles, 8 service numbers. */
export function phoneFirstDigit(phone: string): string {
  return phone.replace(/^(?:(?:\+|00)33[ \u00a0\u202f.-]?(?:\(0\)[ \u00a0\u202f.-]?)?|0)/, '').charAt(0);
}

/**
 * Every candidate in the text, at most one per stretch of characters: a
 * social-security number is not also read as a phone, nor an IBAN as a card.
 * Checksummed kinds are returned only when their checksum holds; e-mail
 * addresses and phone numbers are all returned (callers decide which are public).
 */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  const taken: Array<[number, number]> = [];
  const free = (start: number, end: number) => taken.every(([s, e]) => end <= s || start >= e);
  const add = (kind: PersonalDataKind, value: string, index: number) => {
    if (!free(index, index + value.length)) return;
    taken.push([index, index + value.length]);
    found.push({ kind, value, index });
  };

  for (const m of text.matchAll(NIR_RE)) {
    const [, sex, yy, mm, dep, com, ord, key] = m;
    if (nirKeyValid(`${sex}${yy}${mm}${dep}${com}${ord}`, key!)) add('nir', m[0], m.index);
  }
  for (const m of text.matchAll(IBAN_RE)) {
    // The match may have swallowed a following code (« … 189 EUR »): try shorter prefixes, longest first.
    const groups = m[0].split(/(?=[ \u00a0\u202f][A-Z0-9])/);
    for (let n = groups.length; n >= 1; n--) {
      const candidate = groups.slice(0, n).join('');
      if (ibanValid(candidate)) {
        add('iban', candidate, m.index);
        break;
      }
    }
  }
  for (const m of text.matchAll(CARD_RE)) if (cardNumberValid(m[0])) add('card', m[0], m.index);
  for (const m of emailsIn(text)) add('email', m.value, m.index);
  for (const m of text.matchAll(PHONE_RE)) add('phone', m[0], m.index);
  return found.sort((a, b) => a.index - b.index);
}

/** Replaces the given matches (from findPersonalData on the same text) with `mask`. */
export function replaceMatches(text: string, matches: PersonalDataMatch[], mask: string): string {
  let out = '';
  let at = 0;
  for (const m of [...matches].sort((a, b) => a.index - b.index)) {
    out += text.slice(at, m.index) + mask;
    at = m.index + m.value.length;
  }
  return out + text.slice(at);
}

/** A value shown in an error message without disclosing it: first two and last two characters, the rest as •. */
export function maskForMessage(value: string): string {
  const chars = [...value];
  const keep = chars.length > 8 ? 2 : 1;
  return chars.map((c, i) => (i < keep || i >= chars.length - keep || !/[\p{L}\p{N}]/u.test(c) ? c : '•')).join('');
}
