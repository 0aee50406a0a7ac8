import { describe, expect, it } from 'vitest';
import { tempSites } from './test-site.ts';
import { checkPersonalData, formatFinding, personalDataIn } from './personal-data.ts';

const site = tempSites();

describe('checkPersonalData', () => {
  it('names the file and masks the value, for each kind, in pages, feeds and index files', () => {
    const dist = site({
      'index.html': '<p>Rien ici : 33 millions de personnes, le 07/02/2024.</p>',
      'evenements/a/index.html': '<p>NIR 1 85 02 2A 045 123 ' + (97n - (1850219045123n % 97n)).toString().padStart(2, '0') + '</p>',
      'rss.xml': '<item><description>IBAN FR76 3000 6000 0112 3456 7890 189</description></item>',
      'recherche/documents.json': '{"t":"carte 4970 1012 3456 7893"}',
      'a-propos/index.html': '<a href="mailto:jeanne.dupont&#64;exemple.fr">écrire</a> ou au 06&nbsp;12&nbsp;34&nbsp;56&nbsp;78',
    });
    const { files, findings } = checkPersonalData(dist);
    expect(files).toBe(5);
    expect(findings.map((f) => [f.file, f.kind])).toEqual([
      ['a-propos/index.html', 'email'],
      ['a-propos/index.html', 'phone'],
      ['evenements/a/index.html', 'nir'],
      ['recherche/documents.json', 'card'],
      ['rss.xml', 'iban'],
    ]);
    for (const f of findings) expect(f.masked).toMatch(/•{2,}/);
    expect(findings.find((f) => f.kind === 'email')!.masked).toBe('je••••.••••••@•••••••.fr');
    expect(findings.find((f) => f.kind === 'iban')!.masked).toBe('FR•• •••• •••• •••• •••• •••• •89');
    expect(formatFinding(findings.find((f) => f.kind === 'nir')!)).toMatch(/^evenements\/a\/index\.html : numéro de sécurité sociale \(clé valide\) « 1 •• •• •• ••• ••• \d\d »$/);
  });

  it('lets the public contacts through, in any written form', () => {
    const contacts = { emails: ['plainte-befti@interieur.gouv.fr'], phones: ['0140203040'] };
    expect(personalDataIn('Plainte : PLAINTE-BEFTI@interieur.gouv.fr, standard +33 1 40 20 30 40 ou 01.40.20.30.40', contacts)).toEqual([]);
    expect(personalDataIn('Plainte : plainte@interieur.gouv.fr, 01 40 20 30 41', contacts).map((m) => m.kind)).toEqual(['email', 'phone']);
  });

  it('finds nothing in an empty site', () => {
    expect(checkPersonalData(site({ 'index.html': '<p>ok</p>', 'favicon.svg': '<svg/>' })).findings).toEqual([]);
  });
});
