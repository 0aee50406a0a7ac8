import { describe, expect, it } from 'vitest';
import { exposureTables, operatorExposure, type ExposureRow } from './exposure.ts';

const cell = (organization: string, status: 'exposé' | 'non exposé' | 'contesté', source = `https://${organization}.example`) => ({ organization, status, source, verified: true });
const ROWS: ExposureRow[] = [
  { category: 'coordonnées bancaires', subject: 'assurés', cells: [cell('a', 'non exposé'), cell('b', 'non exposé')] },
  { category: 'numéro de sécurité sociale', subject: 'assurés', cells: [cell('a', 'exposé'), cell('b', 'exposé')] },
  { category: 'numéro de contrat', subject: 'assurés', cells: [cell('b', 'exposé')] },
  { category: 'lieu de naissance', subject: 'assurés', cells: [cell('a', 'contesté')] },
  { category: 'coordonnées bancaires', subject: 'professionnels', cells: [cell('a', 'exposé'), cell('b', 'contesté')] },
];

describe('exposureTables', () => {
  it('puts one slot per operator, unknown where no source speaks, insured people first', () => {
    const tables = exposureTables(ROWS, ['a', 'b']);
    expect(tables.map((t) => t.subject)).toEqual(['assurés', 'professionnels']);
    const contract = tables[0]!.rows.find((r) => r.category === 'numéro de contrat')!;
    expect(contract.cells[0]).toBeUndefined();
    expect(contract.cells[1]?.status).toBe('exposé');
  });

  it('orders rows exposed, then disputed, then not exposed', () => {
    expect(exposureTables(ROWS, ['a', 'b'])[0]!.rows.map((r) => r.category)).toEqual([
      'numéro de sécurité sociale',
      'numéro de contrat',
      'lieu de naissance',
      'coordonnées bancaires',
    ]);
  });

  it('drops a subject with no row', () => {
    expect(exposureTables(ROWS.slice(0, 2), ['a']).map((t) => t.subject)).toEqual(['assurés']);
  });
});

describe('operatorExposure', () => {
  it('groups one operator’s categories by status for one subject', () => {
    const b = operatorExposure(ROWS, 'b');
    expect(b['exposé'].map((x) => x.category)).toEqual(['numéro de sécurité sociale', 'numéro de contrat']);
    expect(b['non exposé'].map((x) => x.category)).toEqual(['coordonnées bancaires']);
    expect(b['contesté']).toEqual([]);
    expect(operatorExposure(ROWS, 'b', 'professionnels')['contesté'].map((x) => x.cell.source)).toEqual(['https://b.example']);
  });
});
