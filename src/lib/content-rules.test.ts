/**
 * Rules across entries: each test copies the fictional fixture tree, breaks
 * one thing and reads the message the editor would get.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE, edit, fixtureCopies } from '../../tests/support/fixture-copy.ts';
import { checkContent, formatError } from './content-check.ts';

const fixtureCopy = fixtureCopies('veille-rules-');
const NOW = new Date('2026-01-01T12:00:00Z');
const messages = (dir: string, now = NOW) => checkContent(dir, join(dir, '..'), { now }).errors.map(formatError);
const EVENT = 'events/exemplis-annonce-1-2-million-de-personnes.mdx';
const DOSSIER = 'dossiers/exemplis-2025.yaml';

describe('cross-entry rules', () => {
  it('accept the fixture tree', () => {
    expect(messages(FIXTURE)).toEqual([]);
  });

  it('refuse a date after today (Paris), naming the field', () => {
    const dir = fixtureCopy();
    edit(join(dir, EVENT), "date: '2025-01-30T18:45'", "date: '2026-01-02'");
    expect(messages(dir)).toContain(`content/${EVENT} : champ « date » : date « 2026-01-02 » dans le futur (aujourd'hui : 2026-01-01) : coquille ?`);
    // The same file is fine once that day has come.
    expect(messages(dir, new Date('2026-01-02T00:30:00+01:00'))).toEqual([]);
  });

  it('refuse two coverage entries for one article address', () => {
    const dir = fixtureCopy();
    const other = readFileSync(join(dir, 'coverage/presse-exemple-exemplis-1-2-million.mdx'), 'utf8').match(/^url: (.+)$/m)![1]!;
    edit(join(dir, 'coverage/quotidien-fictif-exemplis-1-2-million.mdx'), /^url: .+$/m, `url: ${other}`);
    expect(messages(dir).some((m) => m.includes('champ « url » : article en double') && m.includes(other))).toBe(true);
  });

  it('refuse a headline figure no event gives, listing the keys that exist', () => {
    const dir = fixtureCopy();
    edit(join(dir, DOSSIER), 'key: personnes-concernees', 'key: personnes-touchees');
    expect(messages(dir)).toEqual([
      `content/${DOSSIER} : champ « keyFigures[0].key » : aucun événement du dossier ne donne de chiffre « personnes-touchees » (clés connues : organismes-clients, personnes-concernees)`,
    ]);
  });

  it('refuse an entry that links to its own dossier, and a link to an unknown dossier', () => {
    const dir = fixtureCopy();
    edit(join(dir, EVENT), 'kind: statement', 'kind: statement\nrelated: [exemplis-2025, fuite-inconnue]');
    expect(messages(dir)).toEqual([
      `content/${EVENT} : champ « related[1] » : référence introuvable : « fuite-inconnue » n'existe pas dans content/dossiers/`,
      `content/${EVENT} : champ « related[0] » : « exemplis-2025 » est le dossier de l'entrée elle-même ; related nomme d'autres dossiers`,
    ]);
  });

  it('refuse an exposure cell for an organisation outside operators', () => {
    const dir = fixtureCopy();
    edit(join(dir, DOSSIER), /organization: exemplis\n(\s+)status: contesté/, 'organization: mutuelle-fictia\n$1status: contesté');
    expect(messages(dir)).toEqual([
      `content/${DOSSIER} : champ « exposure[2].cells[0].organization » : « mutuelle-fictia » n'est pas dans operators (exemplis)`,
    ]);
  });

  it('refuse an unconfirmed relation without a note saying so', () => {
    const dir = fixtureCopy();
    edit(join(dir, 'organizations/mutuelle-fictia.md'), 'source: https://fictia.example/actualites/incident-exemplis', 'source: https://fictia.example/actualites/incident-exemplis\n    verified: false');
    expect(messages(dir)).toEqual([
      'content/organizations/mutuelle-fictia.md : champ « relations[0].note » : source non retrouvée (verified: false) : dites dans note que la relation n’est pas confirmée',
    ]);
  });
});

describe('no invented day', () => {
  const ARTICLE = 'coverage/presse-exemple-les-mutuelles-clientes.mdx';

  it('refuses an article whose text says the date is unknown but whose precision claims a day', () => {
    const dir = fixtureCopy();
    edit(join(dir, ARTICLE), 'sans événement associé.', 'sans événement associé. Date exacte non relevée ; publié en février 2025.');
    expect(messages(dir)).toEqual([
      `content/${ARTICLE} : champ « precision » : le texte dit « Date exacte non relevée » mais la date est donnée au jour (precision: day) : mettez precision: month (1er du mois), year ou unknown, ou corrigez le texte si le jour est connu`,
    ]);
    // Said plainly with the month, and stored as the month, it passes.
    edit(join(dir, ARTICLE), "publishedAt: '2025-02-12'", "publishedAt: '2025-02-01'\nprecision: month");
    expect(messages(dir)).toEqual([]);
  });

  it('reads « publié en <mois> <année> » as a month-only date too', () => {
    const dir = fixtureCopy();
    edit(join(dir, ARTICLE), 'sans événement associé.', 'sans événement associé, publié en février 2025.');
    expect(messages(dir)).toEqual([expect.stringContaining('le texte dit « publié en février 2025 »')]);
  });
});

describe('a deduced day', () => {
  it('is refused as a publication day', () => {
    const dir = fixtureCopy();
    const ARTICLE = 'coverage/presse-exemple-les-mutuelles-clientes.mdx';
    edit(join(dir, ARTICLE), 'sans événement associé.', 'sans événement associé. Date déduite du texte (« ce mercredi »).');
    expect(messages(dir)).toEqual([expect.stringContaining('le texte dit « Date déduite » mais la date est donnée au jour')]);
  });
});
