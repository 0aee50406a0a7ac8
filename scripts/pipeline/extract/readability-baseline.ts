/**
 * The reference we measure against: Mozilla Readability on linkedom, as its
 * README shows it, text from `textContent`. Not used by ingestion.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

export function readabilityText(html: string): string {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  return (article?.textContent ?? '').trim();
}
