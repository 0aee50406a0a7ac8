import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardNumberValid, EMAIL_RE, findPersonalData, luhnValid, maskForMessage, phoneFirstDigit, replaceMatches } from './personal-data.ts';

describe('findPersonalData', () => {
  it('finds each kind once, in order, and only checksummed numbers whose checksum holds', () => {
    const text = [
      'NIR 2 85 06 75 108 042 30, faux 2 85 06 75 108 042 31 ;',
      'IBAN FR76 3000 6000 0112 3456 7890 189 EUR, faux FR76 3000 6000 0112 3456 7890 188 ;',
      'carte 5454 5454 5454 5454, faux 5454 5454 5454 5455 ;',
      'jeanne@exemple.fr, tél. 06 12 34 56 78.',
    ].join(' ');
    expect(findPersonalData(text).map((m) => [m.kind, m.value])).toEqual([
      ['nir', '2 85 06 75 108 042 30'],
      ['iban', 'FR76 3000 6000 0112 3456 7890 189'],
      ['card', '5454 5454 5454 5454'],
      ['email', 'jeanne@exemple.fr'],
      ['phone', '06 12 34 56 78'],
    ]);
  });

  it('handles Corsican social-security numbers (2A, 2B)', () => {
    const key = (97n - (BigInt('1850219045123') % 97n)).toString().padStart(2, '0');
    expect(findPersonalData(`NIR 1 85 02 2A 045 123 ${key}`).map((m) => m.kind)).toEqual(['nir']);
  });

  it('reads a 15-digit social-security number as such, not as a card or a phone', () => {
    expect(findPersonalData('285067510804230').map((m) => m.kind)).toEqual(['nir']);
  });

  it('leaves figures, dates, years and order numbers alone', () => {
    expect(findPersonalData('33 millions, 20 000 000 assurés, le 07/02/2024, n° 1234567890123, 2024.')).toEqual([]);
  });
});

describe('checks', () => {
  it('Luhn and card prefixes', () => {
    expect(luhnValid('4970101234567893')).toBe(true);
    expect(luhnValid('4970101234567890')).toBe(false);
    expect(cardNumberValid('3782-822463-10005')).toBe(true);
    // Passes Luhn but no card network starts with 1.
    expect(luhnValid('1234567812345670')).toBe(true);
    expect(cardNumberValid('1234567812345670')).toBe(false);
  });

  it('first digit of a phone number in every written form', () => {
    for (const [phone, first] of [['06 12 34 56 78', '6'], ['+33 7 12 34 56 78', '7'], ['0033 (0)1 40 20 30 40', '1'], ['0800123456', '8']]) {
      expect(phoneFirstDigit(phone!)).toBe(first);
    }
  });
});

describe('output', () => {
  it('replaces matches and masks a value for a message', () => {
    const text = 'a 06 12 34 56 78 b jeanne@exemple.fr c';
    expect(replaceMatches(text, findPersonalData(text), '[x]')).toBe('a [x] b [x] c');
    expect(maskForMessage('2 85 06 75 108 042 30')).toBe('2 •• •• •• ••• ••• 30');
    expect(maskForMessage('jeanne@exemple.fr')).toBe('je••••@•••••••.fr');
  });
});

describe('e-mail search from each « @ »', () => {
  // The scan looks for addresses only around « @ »; it must find exactly what the plain regex finds.
  const alphabet = ['a', 'Z', 'é', '9', '.', '_', '%', '+', '-', '@', ' ', '<', '>', '"', 'fr', 'com', '\u{1D400}', '\u00a0'];
  const texts = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((parts) => parts.join(''));

  it('finds the same addresses, at the same places, as the regex over the whole text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const expected = [...text.matchAll(EMAIL_RE)].map((m) => ({ value: m[0], index: m.index }));
        const found = findPersonalData(text).filter((m) => m.kind === 'email').map(({ value, index }) => ({ value, index }));
        // findPersonalData drops an address that overlaps an earlier kind; none of these texts holds digits runs long enough for that.
        expect(found).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds an address after an astral letter and next to markup', () => {
    expect(findPersonalData('<a href="mailto:\u{1D400}b.c@ex-ample.fr">x</a> a@b@c.fr').filter((m) => m.kind === 'email').map((m) => m.value)).toEqual([
      '\u{1D400}b.c@ex-ample.fr',
      'b@c.fr',
    ]);
  });
});
