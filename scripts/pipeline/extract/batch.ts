/**
 * Batch extraction for benchmarks (`npm run extract -- --batch MANIFEST`), in
 * the protocol of the trafilatura-style scorers: the manifest has one page a
 * line, `FILE<TAB>URL[<TAB>CHARSET]` (the charset of the HTTP response when
 * known); the output is one JSON line per page, in manifest order, with `text`
 * and `elapsedMs` (time spent extracting that page, warm, decoding excluded).
 * A page that fails still gets its line, with an empty text and `error`.
 */
import { readFileSync } from 'node:fs';
import { decodeBody } from '../fetch/index.ts';
import { extractArticle } from './index.ts';
import { readabilityText } from './readability-baseline.ts';

export interface ManifestEntry {
  file: string;
  url: string;
  charset?: string;
}

export type BatchExtractor = (html: string, url: string) => string;

export const BATCH_EXTRACTORS: Record<string, BatchExtractor> = {
  ours: (html, url) => extractArticle(html, url).text,
  readability: (html) => readabilityText(html),
};

/** Reads a manifest; throws an error naming the file and line for a malformed one. */
export function parseManifest(text: string, name: string): ManifestEntry[] {
  const out: ManifestEntry[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const [file, url, charset] = line.split('\t');
    if (!file || !url) throw new Error(`${name}:${i + 1} : ligne attendue FICHIER<TAB>URL[<TAB>CHARSET], reçu « ${line.slice(0, 80)} »`);
    out.push(charset?.trim() ? { file, url, charset: charset.trim() } : { file, url });
  });
  return out;
}

/** A manifest URL may be a label rather than an address: extraction still needs an absolute one. */
const usableUrl = (url: string) => (URL.canParse(url) && /^https?:/i.test(url) ? url : `https://page.invalid/${encodeURIComponent(url)}`);

/** Extracts every page of the manifest, writing one JSON line each. */
export function runBatch(entries: ManifestEntry[], extractor: BatchExtractor, write: (line: string) => void) {
  for (const e of entries) {
    let line: Record<string, unknown>;
    try {
      const html = decodeBody(readFileSync(e.file), e.charset ? `text/html; charset=${e.charset}` : null).text;
      const t0 = performance.now();
      let text = '';
      let error: string | undefined;
      try {
        text = extractor(html, usableUrl(e.url));
      } catch (err) {
        error = (err as Error).message;
      }
      const elapsedMs = Math.round((performance.now() - t0) * 1000) / 1000;
      line = error ? { url: e.url, text, elapsedMs, error } : { url: e.url, text, elapsedMs };
    } catch (err) {
      line = { url: e.url, text: '', error: `${e.file} : ${(err as Error).message}` };
    }
    write(`${JSON.stringify(line)}\n`);
  }
}
