/**
 * The prebuilt Fuse index (`Fuse.createIndex` over the folded text), and a
 * compact, lossless serialization of it: Fuse's own JSON repeats `{ v, n }` per
 * field of every record; here each key is one column of values and the field
 * norms `n` are recomputed on load with Fuse's formula (tested equal).
 */
import Fuse, { type FuseIndex } from 'fuse.js';
import { INDEX_KEYS, type IndexedText } from './model.ts';

/** Fuse's serialized index (`FuseIndex.toJSON()`). */
export type FuseIndexJSON = ReturnType<FuseIndex<IndexedText>['toJSON']>;
type IndexRecord = FuseIndexJSON['records'][number];
type KeyObject = FuseIndexJSON['keys'][number];
type SubRecord = { v: string; i?: number; n: number };

/** One key's values, record by record: a string, a list, or null when absent. */
export type PackedColumn = (string | string[] | null)[];

/** The index file. */
export interface PackedIndex {
  /** Format version. */
  v: 1;
  /** Fuse's key descriptors, as `toJSON` gives them. */
  keys: KeyObject[];
  /** Document index of each record. */
  ids: number[] | null;
  /** One column per key. */
  cols: PackedColumn[];
}

export function createFuseIndex(texts: readonly IndexedText[]): FuseIndex<IndexedText> {
  return Fuse.createIndex<IndexedText>(INDEX_KEYS.map((k) => ({ ...k })), texts);
}

export function packIndex(index: FuseIndexJSON): PackedIndex {
  const records = index.records as IndexRecord[];
  const identity = records.every((r, i) => r.i === i);
  const cols: PackedColumn[] = index.keys.map((_, k) =>
    records.map((r) => {
      const value = r.$?.[k] as SubRecord | SubRecord[] | undefined;
      if (value === undefined) return null;
      if (Array.isArray(value)) {
        if (value.some((sub, i) => sub.i !== i)) throw new Error('search index: list values with gaps are not packable');
        return value.map((sub) => sub.v);
      }
      return value.v;
    }),
  );
  return { v: 1, keys: index.keys as KeyObject[], ids: identity ? null : records.map((r) => r.i), cols };
}

/** Fuse's field-length norm (src/tools/fieldNorm.ts): 1/√(number of words), three decimals. */
export function fieldNorm(value: string, weight = 1): number {
  let tokens = 0;
  let inWord = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 9 && c <= 13) || c === 32 || c === 160) inWord = false;
    else if (!inWord) {
      tokens++;
      inWord = true;
    }
  }
  return Math.round(1000 / Math.pow(tokens || 1, 0.5 * weight)) / 1000;
}

/** Back to Fuse's serialized form, ready for `Fuse.parseIndex`. */
export function unpackIndex(packed: PackedIndex): FuseIndexJSON {
  const count = packed.cols[0]?.length ?? 0;
  const records: IndexRecord[] = new Array(count);
  for (let r = 0; r < count; r++) {
    const $: Record<number, SubRecord | SubRecord[]> = {};
    for (let k = 0; k < packed.cols.length; k++) {
      const value = packed.cols[k]![r];
      if (value === null || value === undefined) continue;
      $[k] = Array.isArray(value) ? value.map((v, i) => ({ v, i, n: fieldNorm(v) })) : { v: value, n: fieldNorm(value) };
    }
    records[r] = { i: packed.ids ? packed.ids[r]! : r, $ } as IndexRecord;
  }
  return { keys: packed.keys, records };
}
