import { describe, expect, it } from 'vitest';
import { formatCount, formatFigure, formatFigureWithUnit } from './figures.ts';
import { figureSeries, type Claim } from './key-figures.ts';

describe('formatFigure', () => {
  it('writes values and ranges the French way', () => {
    expect(formatFigure({ value: 20_000_000 })).toBe('20 millions');
    expect(formatFigure({ min: 33_000_000 })).toBe('plus de 33 millions');
    expect(formatFigure({ max: 40_000_000 })).toBe("jusqu'à 40 millions");
    expect(formatFigure({ min: 20_000_000, max: 40_000_000 })).toBe('entre 20 millions et 40 millions');
    expect(formatCount(230_000)).toBe('230\u202f000');
    expect(formatCount(84)).toBe('84');
    expect(formatFigure({})).toBe('inconnu');
  });
});

const claim = (over: Partial<Claim>): Claim => ({
  key: 'personnes-concernees', label: 'Personnes concernées', unit: 'personnes', basis: 'référencées',
  asOf: '2024-02-07', asOfPrecision: 'day', source: 'https://exemple.example/a', status: 'confirmé', event: 'e', publisher: 'P', ...over,
});

describe('figureSeries', () => {
  it('headlines a verified source before a later unverified one', () => {
    const [series] = figureSeries([
      claim({ value: 84, asOf: '2024-02-01', status: 'rapporté' }),
      claim({ max: 100, asOf: '2024-02-05', status: 'rapporté' }),
      claim({ min: 80, asOf: '2024-02-08', status: 'rapporté', verified: false }),
    ]);
    expect(series!.headline.max).toBe(100);
    expect(series!.claims.map((c) => c.asOf)).toEqual(['2024-02-01', '2024-02-05', '2024-02-08']);
  });

  it('keeps every claim in date order and headlines the latest confirmed one', () => {
    const series = figureSeries([
      claim({ value: 40_000_000, asOf: '2024-02-08', status: 'rapporté' }),
      claim({ value: 20_000_000, asOf: '2024-02-01' }),
      claim({ min: 33_000_000, asOf: '2024-02-07' }),
    ]);
    expect(series).toHaveLength(1);
    expect(series[0]!.claims.map((c) => c.asOf)).toEqual(['2024-02-01', '2024-02-07', '2024-02-08']);
    expect(series[0]!.headline.min).toBe(33_000_000);
  });

  it('falls back to the latest claim when none is confirmed, one series per key', () => {
    const series = figureSeries([claim({ key: 'a', status: 'revendiqué', value: 1 }), claim({ key: 'b', status: 'rapporté', value: 2, asOf: '2024-01-01' }), claim({ key: 'b', status: 'rapporté', value: 3, asOf: '2024-03-01' })]);
    expect(series.map((s) => [s.key, s.headline.value])).toEqual([['a', 1], ['b', 3]]);
  });
});

describe('formatFigureWithUnit', () => {
  it('puts « de » after millions only', () => {
    expect(formatFigureWithUnit({ value: 1_200_000 }, 'personnes')).toBe('1,2 million de personnes');
    expect(formatFigureWithUnit({ min: 33_000_000 }, 'personnes')).toBe('plus de 33 millions de personnes');
    expect(formatFigureWithUnit({ value: 84 }, 'organismes')).toBe('84 organismes');
  });

  it('elides « de » before a vowel and writes percentages with a sign', () => {
    expect(formatFigureWithUnit({ value: 5_000_000 }, 'euros')).toBe("5 millions d'euros");
    expect(formatFigureWithUnit({ value: 800_000 }, 'euros')).toBe('800\u202f000 euros');
    expect(formatFigureWithUnit({ value: 59 }, 'pourcent')).toBe('59\u00a0%');
    expect(formatFigureWithUnit({ max: 50 }, 'pourcent')).toBe("jusqu'à 50\u00a0%");
  });
});
