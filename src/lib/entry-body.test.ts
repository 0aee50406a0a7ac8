import { describe, expect, it } from 'vitest';
import { bodyProblems } from './entry-body.ts';

const lines = (body: string, mdx = true) => bodyProblems(body, mdx).map((p) => `${p.line}: ${p.message.split(' : ')[0]}`);

describe('bodyProblems', () => {
  it('accepts plain French text, escaped braces and chevrons, code, and safe links', () => {
    const body = [
      'Le 7 février, la CNIL « confirme » : 33 millions de personnes ; 2 < 3 et 5 > 4.',
      'Accolades échappées \\{ ainsi \\} et chevron \\<script>.',
      'Du code : `{x}` et `<b>`.',
      '```',
      'import x from "y"',
      '{danger}',
      '```',
      '[CNIL](https://www.cnil.fr/fr/x), [ici](/evenements/a/), [plus bas](#sources), [écrire](mailto:presse@exemple.fr), [relatif](../a/).',
      '[ref]: https://exemple.fr/a',
      'Texte échappé par l’ingestion : \\[lien\\]\\(javascript:alert\\(1\\)\\).',
    ].join('\n');
    expect(bodyProblems(body, true)).toEqual([]);
  });

  it('refuses MDX code: expressions and import/export lines, with their line', () => {
    expect(lines('Texte\n{process.exit(1)}\nexport const a = 1\n  import fs from "node:fs"')).toEqual([
      '2: accolade « { »',
      '2: accolade « } »',
      '3: ligne « export »',
      '4: ligne « import »',
    ]);
    // Markdown does not run braces.
    expect(lines('{process.exit(1)}', false)).toEqual([]);
  });

  it('refuses tags in MDX and Markdown, even with an escaped backslash before them', () => {
    expect(lines('a <script>alert(1)</script>', false)).toEqual(['1: balise « <script »', '1: balise « </script »']);
    expect(lines('<img src=x onerror=alert(1)>\n\\\\<Composant />')).toEqual(['1: balise « <img »', '2: balise « <Composant »']);
    expect(lines('<!-- commentaire -->')).toEqual(['1: balise « <!-- »']);
    // MDX would stop on these; Markdown shows them.
    expect(lines('flèche <- et <3 mais 3 < 5')).toEqual(['1: chevron « <- »', '1: chevron « <3 »']);
    expect(lines('flèche <- et <3', false)).toEqual([]);
  });

  it('refuses links that are not http(s), mailto or on the site', () => {
    expect(lines('[a](javascript:alert(1)) [b]( JaVaScRiPt:x) [c](data:text/html;base64,PHNjcmlwdD4=) [d](vbscript:x)\n[e]: javascript:alert(1)')).toEqual([
      '1: lien vers « javascript:alert(1 »',
      '1: lien vers « JaVaScRiPt:x »',
      '1: lien vers « data:text/html;base64,PHNjcmlwdD4= »',
      '1: lien vers « vbscript:x »',
      '2: lien vers « javascript:alert(1) »',
    ]);
    // Markdown decodes character references in addresses.
    expect(lines('[a](&#106;avascript:alert(1)) [b](&#x6A;avascript:x)')).toEqual(['1: lien vers « javascript:alert(1 »', '1: lien vers « javascript:x »']);
  });

  it('refuses bidirectional overrides and control characters, keeps zero-width joiners', () => {
    expect(lines('abc \u202Egnp.exe\nok\nnul \u0000')).toEqual(['1: caractère invisible U+202E (contrôle ou changement de sens d\'écriture)', '3: caractère invisible U+0000 (contrôle ou changement de sens d\'écriture)']);
    expect(lines('famille 👨\u200D👩\u200D👧 et mot\u2060joint')).toEqual([]);
  });
});
