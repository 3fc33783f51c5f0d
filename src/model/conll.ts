/** Reading CoNLL-style corpora (`token TAG` per line, a blank line between sentences). No I/O. */
import type { Label } from './labels.js';

/** A sentence of a corpus: tokens as written and their labels in the tagger's label set. */
export interface LabelledSentence {
  readonly tokens: string[];
  readonly labels: Label[];
}

/**
 * ANERcorp tags to the tagger's labels: PERS → PER, MISC → O.
 *
 * @example
 * anercorpLabel('B-PERS'); // 'B-PER'
 */
export function anercorpLabel(tag: string): Label {
  const m = /^([BI])-(PERS|PER|LOC|ORG)$/.exec(tag);
  if (!m) return 'O';
  return `${m[1]}-${m[2] === 'PERS' ? 'PER' : m[2]}` as Label;
}

/**
 * AQMAR tags to the tagger's labels: PER/LOC/ORG kept, MIS0–MIS3 and other classes → O, stray
 * forms cleaned (`I--ORG` → I-ORG; `OO`, `IO`, `B-MIS-1` → O).
 *
 * @example
 * aqmarLabel('I--ORG'); // 'I-ORG'
 */
export function aqmarLabel(tag: string): Label {
  const m = /^([BI])-+(PER|PERS|LOC|ORG)$/.exec(tag.trim());
  if (!m) return 'O';
  return `${m[1]}-${m[2] === 'PERS' ? 'PER' : m[2]}` as Label;
}

/**
 * Parses a CoNLL file's text into sentences. The tag is the last space-separated field.
 * An I-X that does not continue an X span is turned into B-X (IOB2).
 */
export function parseConll(content: string, mapTag: (tag: string) => Label): LabelledSentence[] {
  const out: LabelledSentence[] = [];
  let tokens: string[] = [];
  let labels: Label[] = [];
  const flush = (): void => {
    if (tokens.length > 0) out.push({ tokens, labels });
    tokens = [];
    labels = [];
  };
  for (const raw of content.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) {
      flush();
      continue;
    }
    const i = line.lastIndexOf(' ');
    const j = line.lastIndexOf('\t');
    const cut = Math.max(i, j);
    if (cut <= 0) continue;
    const token = line.slice(0, cut).trim();
    let label = mapTag(line.slice(cut + 1).trim());
    if (label.startsWith('I-')) {
      const prev = labels[labels.length - 1];
      if (prev === undefined || prev.slice(2) !== label.slice(2)) label = `B-${label.slice(2)}` as Label;
    }
    tokens.push(token);
    labels.push(label);
  }
  flush();
  return out;
}
