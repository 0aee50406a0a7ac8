/**
 * Small read-only helpers over a linkedom (standard DOM) tree, shared by the
 * metadata readers and the boilerplate rules. They walk the tree directly:
 * no serialisation, no selector engine.
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li',
  'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'hr',
  'address', 'center', 'details', 'summary', 'form', 'fieldset', 'caption',
]);
export const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template']);

export const isElement = (n: Node | null | undefined): n is Element => n?.nodeType === ELEMENT_NODE;

/** Element children, as an array (linkedom's `children` is live-ish: copy before mutating). */
export function childElements(el: ParentNode): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) out.push(c);
  return out;
}

/** The text of `node` when it is at most `max` characters (whitespace collapsed), else null; stops early on big subtrees. */
export function shortText(node: Node, max: number): string | null {
  let out = '';
  let over = false;
  const walk = (n: Node) => {
    if (over) return;
    if (n.nodeType === TEXT_NODE) {
      out += (n as Text).data;
      if (out.length > max * 3 && out.replace(/\s+/g, ' ').trim().length > max) over = true;
    } else if (isElement(n)) {
      const name = n.localName;
      if (SKIPPED.has(name)) return;
      if (name === 'br') out += ' ';
      for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
      if (BLOCK_TAGS.has(name)) out += ' ';
    }
  };
  walk(node);
  if (over) return null;
  const t = out.replace(/\s+/g, ' ').trim();
  return t.length > max ? null : t;
}

/** Visible text, whitespace collapsed, scripts and styles skipped, blocks separated by a space. */
export const textOf = (node: Node): string => shortText(node, Infinity) ?? '';

export interface Measure {
  /** Characters of text, runs of whitespace counted once. */
  len: number;
  /** Of which inside links. */
  linkLen: number;
}

/** Text length and link text length of a subtree, in one pass. */
export function measure(node: Node, inLink = false, m: Measure = { len: 0, linkLen: 0 }): Measure {
  if (node.nodeType === TEXT_NODE) {
    const d = (node as Text).data;
    let len = 0;
    let prevSpace = true;
    for (let i = 0; i < d.length; i++) {
      const c = d.charCodeAt(i);
      const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
      if (!space || !prevSpace) len++;
      prevSpace = space;
    }
    m.len += len;
    if (inLink) m.linkLen += len;
  } else if (isElement(node)) {
    const name = node.localName;
    if (SKIPPED.has(name)) return m;
    const link = inLink || name === 'a';
    for (let c = node.firstChild; c; c = c.nextSibling) measure(c, link, m);
  }
  return m;
}

export const linkDensity = (m: Measure) => (m.len === 0 ? 0 : m.linkLen / m.len);

/** `class` and `id` together, for pattern tests. */
export function classId(el: Element): string {
  const c = el.getAttribute('class');
  const id = el.getAttribute('id');
  return c && id ? `${c} ${id}` : (c ?? id ?? '');
}

export function contains(outer: Node, inner: Node): boolean {
  for (let n: Node | null = inner; n; n = n.parentNode) if (n === outer) return true;
  return false;
}

const ACCENTS: Record<string, string> = { à: 'a', â: 'a', ä: 'a', é: 'e', è: 'e', ê: 'e', ë: 'e', î: 'i', ï: 'i', ô: 'o', ö: 'o', ù: 'u', û: 'u', ü: 'u', ç: 'c', œ: 'oe' };

/** Lower case, no accents, punctuation and spaces collapsed: how labels are compared. */
export const fold = (s: string) =>
  s.toLowerCase().replace(/[àâäéèêëîïôöùûüçœ]/g, (c) => ACCENTS[c] ?? c).replace(/[«»"“”'’:?!.…|>›»\-–—_/\\\s\u00a0]+/g, ' ').trim();
