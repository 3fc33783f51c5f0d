/**
 * A name glossed in Latin script in brackets right after it — مارك زوكربيرغ (Mark Zuckerberg),
 * منظمة الصحة العالمية (WHO) — is another mention of the same entity (guideline 8: Latin-script
 * names inside Arabic sentences are annotated).
 */
import { isCharToken, Kind, type TokenTable } from '../tokenize/scan.js';
import type { Span } from './span.js';

/** Most Latin words a gloss may have (Ursula von der Leyen). */
const MAX_GLOSS_WORDS = 5;

/**
 * Spans in text order, with a mention added for each Latin gloss in brackets right after a
 * mention. A gloss the tagger read as something else takes the glossed mention's type and entity;
 * one the lexicon knows keeps its own.
 */
export function addGlosses(spans: readonly Span[], t: TokenTable): Span[] {
  const out: Span[] = [];
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    out.push(span);
    const gloss = glossAfter(span, t);
    if (!gloss) continue;
    const next = spans[k + 1];
    if (next !== undefined && next.first < gloss.last) {
      if (next.first !== gloss.first || next.last !== gloss.last || next.source !== 'model') continue;
      k++; // the tagger's reading of the gloss gives way
    }
    out.push(gloss);
  }
  return out;
}

/** The gloss in brackets right after `span`, if there is one. */
function glossAfter(span: Span, t: TokenTable): Span | null {
  const first = span.last + 1;
  if (!isCharToken(t, span.last, 0x28) || first >= t.count || t.kind[first] !== Kind.Latin || !isUpper(t.text.charCodeAt(t.start[first]!))) return null; // (
  let last = first;
  while (last < t.count && last - first < MAX_GLOSS_WORDS && t.kind[last] === Kind.Latin) last++;
  if (!isCharToken(t, last, 0x29)) return null; // )
  // A credit or a source in brackets is no gloss (بوتين (Getty)): the gloss spells the name, or
  // abbreviates an organisation's.
  const acronym = last - first === 1 && isAcronym(t.text, t.start[first]!, t.end[first]!);
  if (acronym ? span.type !== 'ORGANIZATION' : !maySpell(t.text.charCodeAt(t.start[first]!), t.text.charCodeAt(span.start))) return null;
  return {
    first,
    last,
    start: t.start[first]!,
    end: t.end[last - 1]!,
    type: span.type,
    entity: span.entity,
    alternatives: span.alternatives,
    score: span.score,
    source: 'rule',
    needsSupport: false,
  };
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

function isAcronym(text: string, s: number, e: number): boolean {
  for (let j = s; j < e; j++) if (!isUpper(text.charCodeAt(j))) return false;
  return e - s >= 2;
}

/**
 * The Arabic letters a name's first Latin letter is written with (normalised: أ إ آ → ا): Putin
 * بوتين, Getty غيتي or جيتي, Charles تشارلز or شارل.
 */
const FIRST_LETTERS: Readonly<Record<string, string>> = {
  A: 'اع', B: 'ب', C: 'كستش', D: 'دض', E: 'ايع', F: 'ف', G: 'غجقك', H: 'هحخ', I: 'ايع', J: 'جخيه', K: 'كقخ', L: 'ل', M: 'م',
  N: 'ن', O: 'اوع', P: 'ب', Q: 'قك', R: 'ر', S: 'سصشزث', T: 'تطث', U: 'ايوع', V: 'فب', W: 'وف', X: 'اكزش', Y: 'يا', Z: 'زتسذظ',
};

/** The Latin letter `latin` (upper case) may begin the spelling of a name that begins with `arabic`. */
function maySpell(latin: number, arabic: number): boolean {
  return FIRST_LETTERS[String.fromCharCode(latin)]?.includes(String.fromCharCode(arabic)) ?? false;
}
