/**
 * Known entities written in Latin script inside Arabic text (وغرد Donald Trump، قال Elon Musk):
 * guideline 8 annotates them, and the lexicon's English names spell them. Persons need two words
 * or more (Trump alone may be anything), places a prior of 0.6 or more (George is rarely George,
 * South Africa); organisations are left to their Latin variants (CNN، OpenAI).
 */
import type { GazetteerIndex } from '../gazetteer/index-build.js';
import { Kind, type TokenTable } from '../tokenize/scan.js';
import type { Span } from './span.js';

const MAX_WORDS = 4;
const SCORE_LATIN = 0.9;
const CAPITALISED = /^\p{Lu}[\p{L}'’.-]*$/u;

export class LatinNames {
  /** Lower-case English name → entity number, or -1 when two entities share it; built on first use. */
  private byName: Map<string, number> | undefined;

  constructor(private readonly index: GazetteerIndex) {}

  private names(): Map<string, number> {
    if (this.byName) return this.byName;
    const byName = new Map<string, number>();
    this.index.entries.forEach((entry, e) => {
      const en = entry.name.en;
      if (!en) return;
      const words = en.split(' ');
      if (words.length > MAX_WORDS || !words.every((w) => CAPITALISED.test(w))) return;
      const wanted = entry.type === 'PERSON' ? words.length >= 2 : entry.type === 'LOCATION' && (entry.prior ?? 0) >= 0.6;
      if (!wanted) return;
      const key = en.toLowerCase();
      byName.set(key, byName.has(key) ? -1 : e);
    });
    return (this.byName = byName);
  }

  /**
   * Spans in text order, with the Latin-script names of known entities that no span covers. A
   * text without Latin words gets `spans` back as it is.
   */
  add(spans: Span[], t: TokenTable, skip: Uint8Array): Span[] {
    let i = 0;
    while (i < t.count && (t.kind[i] !== Kind.Latin || skip[i])) i++;
    if (i === t.count) return spans;
    const byName = this.names();
    const taken = new Uint8Array(t.count);
    for (const span of spans) for (let j = span.first; j < span.last; j++) taken[j] = 1;
    const out = [...spans];
    for (; i < t.count; i++) {
      if (t.kind[i] !== Kind.Latin || taken[i] || skip[i]) continue;
      let run = i;
      while (run < t.count && run - i < MAX_WORDS && t.kind[run] === Kind.Latin && !taken[run] && !skip[run] && (run === i || t.start[run] === t.end[run - 1]! + 1)) run++;
      for (let last = run; last > i; last--) {
        const e = byName.get(t.text.slice(t.start[i], t.end[last - 1]).toLowerCase());
        if (e === undefined || e < 0) continue;
        const entity = this.index.entity(e);
        out.push({
          first: i,
          last,
          start: t.start[i]!,
          end: t.end[last - 1]!,
          type: entity.type,
          entity,
          alternatives: [{ entity, prior: 1 }],
          score: SCORE_LATIN,
          source: 'lexicon',
          needsSupport: false,
        });
        i = last - 1;
        break;
      }
    }
    return out.length > spans.length ? out.sort((a, b) => a.start - b.start) : spans;
  }
}
