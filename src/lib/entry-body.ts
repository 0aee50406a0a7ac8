/**
 * The body of an entry is text, never code. MDX runs `{…}` expressions and
 * `import`/`export` lines when the site is built, and passes HTML/JSX tags
 * (`<script>`, `onerror=`) into pages; Markdown passes raw HTML too. So the
 * checker refuses, with the line: an unescaped brace or an import/export line
 * (MDX only), an unescaped tag in either (in MDX, any « < » glued to what follows), a link whose address is not http(s),
 * mailto or on the site, and invisible bidirectional or control characters.
 * Code spans and fenced code blocks are text in both and are not looked at.
 * Link addresses are read as Markdown reads them: character references decoded.
 * The ingestion's own files pass: it escapes what it writes (write stage).
 */

import { decodeHTML } from 'entities';

export interface BodyProblem {
  /** Line in the body, from 1. */
  line: number;
  message: string;
}

/** Bidi embeddings, overrides and isolates, and C0/C1 controls other than tab and line breaks. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Code (fenced blocks, inline spans) replaced by spaces, so offsets and lines stay put. */
function blankCode(body: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return body
    .replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^\1?\2[^\n]*$|(?![\s\S]))/gm, blank)
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank);
}

/** True when the character at `i` is preceded by an odd number of backslashes. */
const escaped = (text: string, i: number) => {
  let n = 0;
  while (i - n - 1 >= 0 && text[i - n - 1] === '\\') n++;
  return n % 2 === 1;
};

const SAFE_LINK = /^(?:https?:\/\/|mailto:|\/(?!\/)|#|\.{0,2}\/|[^:/?#]*(?:[/?#]|$))/i;

export function bodyProblems(body: string, mdx: boolean): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const text = blankCode(body);
  const lineOf = (i: number) => text.slice(0, i).split('\n').length;
  const add = (i: number, message: string) => problems.push({ line: lineOf(i), message });

  body.split('\n').forEach((line, n) => {
    const bad = INVISIBLE.exec(line);
    if (bad) problems.push({ line: n + 1, message: `caractère invisible U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} (contrôle ou changement de sens d'écriture) : supprimez-le` });
  });
  if (mdx) {
    for (const m of text.matchAll(/^[ \t]*(import|export)\b/gm)) add(m.index, `ligne « ${m[1]} » : du code dans une fiche MDX ; une fiche ne contient que du texte`);
    for (const m of text.matchAll(/[{}]/g)) {
      if (!escaped(text, m.index)) add(m.index, `accolade « ${m[0]} » : MDX l'exécuterait comme du code ; écrivez \\${m[0]} pour l'afficher`);
    }
  }
  for (const m of text.matchAll(/<(\/?[A-Za-z!?][\w:.-]*)/g)) {
    if (!escaped(text, m.index)) add(m.index, `balise « <${m[1]} » : pas de HTML ni de composant dans une fiche ; écrivez \\< pour afficher un chevron`);
  }
  // MDX reads any « < » not followed by a space as the start of a tag, and stops the build on it.
  if (mdx) {
    for (const m of text.matchAll(/<([^\s\w/!?][^\s]{0,2}|\d[^\s]{0,2})/gu)) {
      if (!escaped(text, m.index)) add(m.index, `chevron « <${m[1]} » : MDX y verrait le début d'une balise ; écrivez \\< ou mettez une espace après`);
    }
  }
  // Inline links and images « ](adresse) », and reference definitions « [x]: adresse ».
  for (const m of text.matchAll(/\]\(\s*<?([^)\s>]*)|^[ ]{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) {
    if (escaped(text, m.index)) continue; // « \](…) » is text, not a link
    const url = decodeHTML(m[1] ?? m[2] ?? '').replace(/[\s\u0000-\u001f]/g, '');
    if (url && !SAFE_LINK.test(url)) add(m.index, `lien vers « ${url.slice(0, 60)} » : seules les adresses http(s), mailto et celles du site sont permises`);
  }
  return problems.sort((a, b) => a.line - b.line);
}
