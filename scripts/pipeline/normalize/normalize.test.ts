import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frenchTypography, ibanValid, MASK, maskPersonalData, nirKeyValid, normalizeArticle, normalizeText, normalizeWhitespace, stripUnsafe } from './index.ts';

const NB = '\u00a0';
const NN = '\u202f';

describe('Unicode and whitespace', () => {
  it('composes to NFC', () => {
    const decomposed = 'Se\u0301curite\u0301 sociale';
    expect(normalizeText(decomposed).text).toBe('Sécurité sociale');
  });
  it('removes control, bidi and zero-width characters', () => {
    expect(stripUnsafe('a\u202eb\u2066c\u200bd\u0007e\ufefff\u200fg')).toBe('abcdefg');
    expect(stripUnsafe('ligne\nsuivante\tok')).toBe('ligne\nsuivante\tok');
  });
  it('collapses spaces and keeps one blank line between paragraphs', () => {
    expect(normalizeWhitespace('  un   deux \n trois\n\n\n\n quatre  \r\n\r\ncinq ')).toBe('un deux trois\n\nquatre\n\ncinq');
  });
});

describe('French typography', () => {
  it.each([
    ['Il a dit "pas de données bancaires" hier', `Il a dit «${NB}pas de données bancaires${NB}» hier`],
    ['Il a dit “rien” hier', `Il a dit «${NB}rien${NB}» hier`],
    ['«rien»', `«${NB}rien${NB}»`],
    ['Vraiment? Oui!', `Vraiment${NN}? Oui${NN}!`],
    ['Deux points: la suite', `Deux points${NB}: la suite`],
    ["l'assuré", 'l’assuré'],
    ['à 12:17 sur https://exemple.fr/a?b=1', 'à 12:17 sur https://exemple.fr/a?b=1'],
    ['mot , suite .', 'mot, suite.'],
  ])('%s', (input, expected) => expect(frenchTypography(input)).toBe(expected));

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const once = normalizeText(s).text;
        expect(normalizeText(once).text).toBe(once);
      }),
      { numRuns: 1000, seed: 20240206 },
    );
    for (const s of ['"!:', '?;:', 'a !: b', '« ! »', 'x ?: y !']) expect(normalizeText(normalizeText(s).text).text, s).toBe(normalizeText(s).text);
  });
});

describe('personal data', () => {
  it('checks the social-security key', () => {
    expect(nirKeyValid('2850675108042', '30')).toBe(true);
    expect(nirKeyValid('2850675108042', '31')).toBe(false);
  });

  it.each([
    ['spaced', 'son numéro 2 85 06 75 108 042 30 a fuité', `son numéro ${MASK} a fuité`],
    ['glued', 'numéro 285067510804230.', `numéro ${MASK}.`],
    ['no-break spaces', 'n° 2\u00a085\u00a006\u00a075\u00a0108\u00a0042\u00a030', `n° ${MASK}`],
  ])('masks a NIR (%s)', (_n, input, expected) => {
    const r = maskPersonalData(input);
    expect(r.text).toBe(expected);
    expect(r.masked.nir).toBe(1);
  });

  it('masks a Corsican NIR with a valid key', () => {
    const base = '185022A045123'; // 1 85 02 2A 045 123
    const key = String(97n - (BigInt(base.replace('2A', '19')) % 97n)).padStart(2, '0');
    expect(maskPersonalData(`NIR 1 85 02 2A 045 123 ${key}`).text).toBe(`NIR ${MASK}`);
  });

  it('leaves a 15-digit number with a wrong key alone', () => {
    expect(maskPersonalData('référence 2 85 06 75 108 042 31').text).toBe('référence 2 85 06 75 108 042 31');
  });

  it('masks a valid IBAN, spaced or not, and keeps a following code', () => {
    expect(ibanValid('FR76 3000 6000 0112 3456 7890 189')).toBe(true);
    expect(ibanValid('FR76 3000 6000 0112 3456 7890 188')).toBe(false);
    expect(maskPersonalData('IBAN FR76 3000 6000 0112 3456 7890 189 EUR').text).toBe(`IBAN ${MASK} EUR`);
    expect(maskPersonalData('IBAN FR7630006000011234567890189.').text).toBe(`IBAN ${MASK}.`);
    expect(maskPersonalData('code FR76 3000 6000 0112 3456 7890 188').masked.iban).toBe(0);
  });

  it('masks a payment card number that passes Luhn, keeps one that does not', () => {
    const r = maskPersonalData('carte 4970 1012 3456 7893 et 4970 1012 3456 7890');
    expect(r.text).toBe(`carte ${MASK} et 4970 1012 3456 7890`);
    expect(r.masked.card).toBe(1);
  });

  it('masks private e-mails, keeps role and allowed addresses', () => {
    const r = maskPersonalData('Écrire à jeanne.dupont1985@gmail.com, à presse@mutuelle-exemple.fr ou à marc@assureur.fr', { allowEmails: ['@assureur.fr'] });
    expect(r.text).toBe(`Écrire à ${MASK}, à presse@mutuelle-exemple.fr ou à marc@assureur.fr`);
    expect(r.masked.email).toBe(1);
    expect(maskPersonalData('paul.martin@entreprise.fr').text).toBe(MASK);
  });

  it('masks private phones, keeps service and organisation numbers', () => {
    const r = maskPersonalData('Son portable, le 06 12 34 56 78, ou le +33 7 12 34 56 78 ; le service client est joignable au 01 40 20 30 40 ; numéro vert 0 800 123 456 ; chez lui au 02.99.12.34.56');
    expect(r.text).toBe(`Son portable, le ${MASK}, ou le ${MASK} ; le service client est joignable au 01 40 20 30 40 ; numéro vert 0 800 123 456 ; chez lui au ${MASK}`);
    expect(r.masked.phone).toBe(3);
  });

  it('does not mask figures, dates or years', () => {
    const s = 'Plus de 33 millions de personnes, 20 000 000 assurés, le 07/02/2024, 59 %, en 2024.';
    expect(maskPersonalData(s).text).toBe(s);
  });

  it('masks in every field of an article', () => {
    const a = normalizeArticle({ title: 'Contact : 06 12 34 56 78', text: 'Écrivez à a.b@free.fr', excerpt: 'NIR 285067510804230', author: 'x' });
    expect(a.title).toBe(`Contact${NB}: ${MASK}`);
    expect(a.text).toBe(`Écrivez à ${MASK}`);
    expect(a.excerpt).toBe(`NIR ${MASK}`);
    expect(a.masked).toEqual({ nir: 1, iban: 0, card: 0, email: 1, phone: 1 });
  });

  it('never lets a generated valid NIR through (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('1', '2'),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 95 }),
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom(' ', '', '\u00a0'),
        (s, yy, mm, dep, com, ord, sep) => {
          const p2 = (n: number) => String(n).padStart(2, '0');
          const p3 = (n: number) => String(n).padStart(3, '0');
          const base = `${s}${p2(yy)}${p2(mm)}${p2(dep)}${p3(com)}${p3(ord)}`;
          const key = p2(Number(97n - (BigInt(base) % 97n)));
          const spaced = [s, p2(yy), p2(mm), p2(dep), p3(com), p3(ord), key].join(sep);
          expect(maskPersonalData(`voici ${spaced} fin`).text).toBe(`voici ${MASK} fin`);
        },
      ),
      { numRuns: 200, seed: 20240206 },
    );
  });
});
