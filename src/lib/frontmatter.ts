/** Splits an MDX/Markdown file into its YAML frontmatter and body, keeping the YAML document for checks. */
import { parseDocument, type Document } from 'yaml';

const FRONTMATTER_RE = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---\r?\n?([\s\S]*)$/;

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
  /** First syntax error, with its line. */
  error?: string;
}

export function parseYaml(text: string): ParsedYaml {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line;
    return { data: undefined, doc, error: `YAML invalide${line ? ` (ligne ${line})` : ''} : ${first.message.split('\n')[0]}` };
  }
  return { data: doc.toJS(), doc };
}
