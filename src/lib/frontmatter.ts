/** Splits an MDX/Markdown file into its YAML frontmatter and body, keeping the YAML document for checks. */
import { parseDocument, type Document, type YAMLError } from 'yaml';

// The closing fence must start a line, as in Astro: « title: A --- B » stays inside the frontmatter.
const FRONTMATTER_RE = /^\uFEFF?---\r?\n(?:([\s\S]*?)\r?\n)?---(?:\r?\n|$)([\s\S]*)$/;

export interface SplitFile {
  /** YAML text between the fences ('' when absent). */
  yaml: string;
  body: string;
  hasFrontmatter: boolean;
}

export function splitFrontmatter(text: string): SplitFile {
  const m = FRONTMATTER_RE.exec(text);
  if (!m) return { yaml: '', body: text, hasFrontmatter: false };
  return { yaml: m[1] ?? '', body: m[2] ?? '', hasFrontmatter: true };
}

export interface ParsedYaml {
  data: unknown;
  doc: Document;
  /** First syntax error, in French, with its line in the file. */
  error?: string;
}

/** The YAML mistakes editors make, explained in French; others keep the parser's words. */
const YAML_HINTS: Partial<Record<YAMLError['code'], string>> = {
  BLOCK_AS_IMPLICIT_KEY: '« : » dans une valeur : mettez la valeur entre guillemets doubles',
  DUPLICATE_KEY: 'champ écrit deux fois',
  BAD_INDENT: 'indentation incorrecte, ou liste [ ] ou { } non fermée',
  MISSING_CHAR: 'guillemet ou crochet fermant manquant',
  TAB_AS_INDENT: 'tabulation : indentez avec des espaces',
  UNEXPECTED_TOKEN: 'caractère inattendu ; une apostrophe dans une valeur entre apostrophes se double (\'\') ou utilisez des guillemets doubles',
  BAD_ALIAS: 'une valeur qui commence par « * » ou « & » doit être entre guillemets',
  MULTILINE_IMPLICIT_KEY: '« : » dans une valeur : mettez la valeur entre guillemets doubles',
};

/**
 * Parses YAML; `lineOffset` is the number of lines before the YAML in its file
 * (1 for a frontmatter after its opening fence), so errors give the file's line.
 */
export function parseYaml(text: string, lineOffset = 0): ParsedYaml {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line;
    const why = YAML_HINTS[first.code] ?? first.message.split('\n')[0];
    return { data: undefined, doc, error: `YAML invalide${line ? ` (ligne ${line + lineOffset})` : ''} : ${why}` };
  }
  try {
    return { data: doc.toJS(), doc };
  } catch (e) {
    // toJS throws on an unresolved alias (a value starting with « * »).
    const hint = /alias/i.test((e as Error).message) ? YAML_HINTS.BAD_ALIAS : (e as Error).message;
    return { data: undefined, doc, error: `YAML invalide : ${hint}` };
  }
}
