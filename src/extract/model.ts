/**
 * The learned tagger inside the extractor: hints from the lexicon's matches, one Viterbi pass per
 * sentence, and the tagger's BIO spans turned into candidates that follow the guidelines
 * (proclitics outside) and link to the gazetteer where a spelling matches.
 */
import taggerBase64 from '../../lexicons/tagger.bin';
import { decodeBase64 } from '../base64.js';
import { NODE_NAME, oneWordName, VALUE_DEMONYM, type GazetteerIndex } from '../gazetteer/index-build.js';
import type { RuleMatcher } from '../match/rules.js';
import type { Span } from '../match/span.js';
import { afterPreposition, isFoldedPreposition, longestMatch, type Match } from '../match/walk.js';
import { HINT_LOCATION, HINT_ORGANIZATION, HINT_PERSON, hintBytes, labelSpans, Tagger, type HintMatch, type TokenSpan } from '../model/index.js';
import type { NormalizedText } from '../normalize/index.js';
import { FEH, HEH, WAW, YEH } from '../tokenize/letters.js';
import { FLAG_LINE_BREAK, Kind, type TokenTable } from '../tokenize/scan.js';
import type { Entity, EntityType } from '../types.js';

let bundled: Tagger | undefined;

/** The tagger shipped with the package (`lexicons/tagger.bin`), decoded once. */
export function bundledTagger(): Tagger {
  bundled ??= Tagger.fromBytes(decodeBase64(taggerBase64));
  return bundled;
}

const TYPE_OF = { PER: 'PERSON', LOC: 'LOCATION', ORG: 'ORGANIZATION' } as const;

/** The span's first word is read whole, or only behind و/ف (no preposition). */
function bareOrConjunction(t: TokenTable, span: Span): boolean {
  const clitic = span.start - t.start[span.first]!;
  if (clitic === 0) return true;
  const c = t.text.charCodeAt(t.start[span.first]!);
  return clitic === 1 && (c === 0x648 || c === 0x641);
}
const HINT_OF: Readonly<Record<EntityType, number>> = { PERSON: HINT_PERSON, LOCATION: HINT_LOCATION, ORGANIZATION: HINT_ORGANIZATION };
const SCORE_MODEL = 0.6;
const SCORE_MODEL_LINKED = 0.7;
/**
 * How much better, in the bundled model's score units, the tagger's best reading must be than the
 * best reading that leaves any one of a span's words out of a name. Below it the tagger is
 * guessing (غريب «strange» read as a surname). Tuned on held-out tenths of ANERcorp train: F1 is
 * flat from 0 to 20 (precision up, recall down) and falls beyond; 20 keeps the dev articles at
 * the lexicon-and-rules score. Retune when the model is retrained with other settings.
 */
const MIN_NAME_GAP = 20;
/** Sentences longer than this are tagged in pieces (Viterbi is linear; this bounds the buffers). */
const MAX_SENTENCE = 256;

/**
 * The tagger's gazetteer hints: the lexicon's matches (not the everyday-word ones), with the bits
 * of every type their spelling may name. The training script computes them with this same
 * function, so the tagger learns the hints it sees at run time.
 */
export function hintMatches(candidates: readonly Span[]): HintMatch[] {
  const out: HintMatch[] = [];
  for (const span of candidates) {
    if (span.source !== 'lexicon' || span.needsSupport) continue;
    let bit = 0;
    for (const a of span.alternatives) bit |= HINT_OF[a.entity.type];
    out.push({ start: span.first, end: span.last, bit });
  }
  return out;
}

/** Sentence ends: a full stop, question or exclamation mark, or a line break before the next token. */
function endsSentence(t: TokenTable, i: number): boolean {
  if (i + 1 < t.count && t.flags[i + 1]! & FLAG_LINE_BREAK) return true;
  if (t.kind[i] !== Kind.Punctuation) return false;
  const c = t.text.charCodeAt(t.start[i]!);
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x61f || c === 0x2026; // . ! ? ؟ …
}

/**
 * The tagger's spans over the token table, as candidates. Foreign stretches are not tagged.
 * A lexicon candidate that is an everyday word (حماس) is supported when the tagger gives the same
 * tokens the same type.
 */
export function modelSpans(
  tagger: Tagger,
  index: GazetteerIndex,
  words: RuleMatcher,
  normalized: NormalizedText,
  t: TokenTable,
  skip: Uint8Array,
  candidates: readonly Span[],
): Span[] {
  const hints = hintBytes(hintMatches(candidates), t.count);
  const labels = new Uint8Array(t.count);
  const gaps = new Float32Array(t.count);
  let from = 0;
  for (let i = 0; i <= t.count; i++) {
    const boundary = i === t.count || skip[i] || i - from >= MAX_SENTENCE || (i > from && endsSentence(t, i - 1));
    if (!boundary) continue;
    if (i > from) tagger.tagRange(t.text, t.start, t.end, from, i, labels, hints, t.stems, gaps);
    from = skip[i] ? i + 1 : i;
  }
  const tagged = labelSpans(labels);
  supportEverydayWords(t, tagged, candidates);
  const out: Span[] = [];
  const probe: Match = { node: -1, last: 0, start: 0 };
  for (const s of tagged) {
    const type = TYPE_OF[s.type];
    if (!sure(gaps, s.start, s.end)) continue;
    let first = s.start;
    let last = s.end;
    // Not in a name: punctuation or numbers the tagger swept in, titles, place nouns and
    // descriptors (guideline 3: they stay outside), and prepositions that fold onto names (على → علي).
    while (
      first < last &&
      ((t.kind[first] !== Kind.Word && t.kind[first] !== Kind.Latin) || words.triggerAt(t, first).outside || isFoldedPreposition(normalized, t, first))
    ) {
      first++;
    }
    if (first === last) continue;
    // A person's name ends before و + another first name, which starts the next person's
    // (غادة عادل وليلى طاهر: two persons).
    if (type === 'PERSON') {
      for (let i = first + 1; i < last; i++) {
        if (!startsNextPerson(words, tagger, t, i)) continue;
        tagged.push({ start: i, end: last, type: s.type });
        last = i;
      }
    }
    // A span of everyday words and nationality adjectives is a generic reference (القوات الأرمينية، أرمن).
    let named = false;
    for (let i = first; i < last && !named; i++) named = t.kind[i] === Kind.Latin || words.isNameLike(t, i) || words.isPersonToken(t, i);
    if (!named) continue;
    // Adjectives and possessed nouns, not names (مستشار رئاسي أذربيجاني، من أراضينا).
    if (isAdjectivePhrase(index, words, tagger, t, first, last) || (last - first === 1 && (words.isPossessedNoun(t, first) || (type === 'PERSON' && isAgreeingNisba(words, t, first))))) continue;
    const start = stemStart(index, tagger, t, first, last, probe);
    const entity = link(index, t, first, last, type, probe);
    out.push({
      first,
      last,
      start,
      end: t.end[last - 1]!,
      type,
      entity,
      alternatives: entity ? [{ entity, prior: 1 }] : [],
      score: entity ? SCORE_MODEL_LINKED : SCORE_MODEL,
      source: 'model',
      needsSupport: false,
    });
  }
  return out.sort((a, b) => a.first - b.first); // a person cut before another comes back in order
}

/**
 * Token i is و + a known first name (a word of the lexicon's persons or of the tagger's name
 * tokens, not an everyday word), and not itself a name word (ومدحت is one): where a list of
 * persons moves on to the next (غادة عادل وليلى طاهر).
 */
export function startsNextPerson(words: RuleMatcher, tagger: Tagger | undefined, t: TokenTable, i: number): boolean {
  const s = t.start[i]!;
  const e = t.end[i]!;
  if (t.kind[i] !== Kind.Word || (t.stems[i]! & 2) === 0 || t.text.charCodeAt(s) !== WAW || words.isPersonToken(t, i) || tagger?.knowsName(t.text, s, e)) return false;
  return (words.isPersonWord(t.text, s + 1, e) || tagger?.knowsName(t.text, s + 1, e) === true) && !words.isEverydayWord(t.text, s + 1, e);
}

/** The tagger is sure of every word of the span `[start, end)` (see {@link MIN_NAME_GAP}). */
function sure(gaps: Float32Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (gaps[i]! < MIN_NAME_GAP) return false;
  return true;
}

/**
 * Tokens first … last-1 are indefinite nisba adjectives, one of them of a place the gazetteer
 * knows (أذربيجاني، مستشار رئاسي أذربيجاني، قوات سورية), or one word only, the nisba of an
 * everyday word (كارثي ← كارثة، بينية ← بين). Surnames are definite (المصري، الجزائري) and
 * stay names, as do known words of persons' names (حلمي، مجدي).
 */
function isAdjectivePhrase(index: GazetteerIndex, words: RuleMatcher, tagger: Tagger, t: TokenTable, first: number, last: number): boolean {
  let adjective = false;
  for (let i = first; i < last; i++) {
    const s = t.start[i]!;
    const e = t.end[i]!;
    if (t.kind[i] !== Kind.Word || t.text.startsWith('ال', s) || words.isPersonToken(t, i) || tagger.knowsName(t.text, s, e)) return false;
    if (isPlaceAdjective(index, t.text, s, e) || (last - first === 1 && isEverydayNisba(words, t.text, s, e))) adjective = true;
    else if (!endsLikeNisba(t.text, s, e)) return false;
  }
  return adjective;
}

/**
 * Token i is a definite nisba that agrees with the definite everyday noun before it (المستشفى
 * الميداني «the field hospital»): an adjective, not a family name — unless the lexicon's persons
 * bear it or the noun is a title (الشاعر المتنبي).
 */
function isAgreeingNisba(words: RuleMatcher, t: TokenTable, i: number): boolean {
  const s = t.start[i]!;
  const e = t.end[i]!;
  if (i === 0 || t.kind[i] !== Kind.Word || !t.text.startsWith('ال', s) || !endsLikeNisba(t.text, s + 2, e)) return false;
  return !words.isPersonToken(t, i) && words.isDefiniteEverydayNoun(t, i - 1);
}

/** `text[s, e)` (normalised, indefinite) is the nisba of an everyday word: كارثي ← كارثه، شعبي ← شعب. */
function isEverydayNisba(words: RuleMatcher, text: string, s: number, e: number): boolean {
  for (const ending of NISBA_ENDINGS) {
    const base = e - ending.length;
    if (base - s < 3 || !text.endsWith(ending, e)) continue;
    if (words.isEverydayWord(text, s, base) || words.isEverydayWord(`${text.slice(s, base)}ه`, 0, base - s + 1)) return true;
  }
  return false;
}

/** Ends like a nisba adjective: ي، ية (ة folded to ه), after at least three letters. */
function endsLikeNisba(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(e - 1);
  return e - s >= 4 && (c === YEH || (c === HEH && text.charCodeAt(e - 2) === YEH));
}

const NISBA_ENDINGS = ['يون', 'يين', 'يه', 'ي'];

/** `text[s, e)` (normalised, indefinite) is a nisba of a place the gazetteer knows: أذربيجاني، سوريه، لبنانيون. */
function isPlaceAdjective(index: GazetteerIndex, text: string, s: number, e: number): boolean {
  for (const ending of NISBA_ENDINGS) {
    if (e - s - ending.length < 3 || !text.endsWith(ending, e)) continue;
    const base = text.slice(s, e - ending.length);
    // مصري ← مصر، سوري ← سوريا، روسي ← روسيا، أمريكي ← أمريكا، جزائري ← الجزائر
    for (const name of [base, `${base}ا`, `${base}يا`, `ال${base}`]) if (isPlaceName(index, name)) return true;
  }
  return false;
}

/** `name` (normalised, one word) is the name of a place in the gazetteer. */
function isPlaceName(index: GazetteerIndex, name: string): boolean {
  const node = oneWordName(index, name, 0, name.length);
  if (node < 0) return false;
  for (let v = 0; v < index.trie.valueCount(node); v++) {
    const value = index.trie.value(node, v);
    if (!((value >>> 24) & VALUE_DEMONYM) && index.entries[value & 0xffffff]!.type === 'LOCATION') return true;
  }
  return false;
}

/**
 * The tagger's agreement supports an everyday-word lexicon match (الجزيرة، القاعدة): a tagged
 * span over exactly its words, of a type it may have — when the word carries no preposition
 * (بالنصر is «with victory» far more often than «at Al-Nassr»). A longer tagged span is another
 * name (الاتحاد الأفريقي, not the club الاتحاد) and supports nothing.
 */
function supportEverydayWords(t: TokenTable, tagged: readonly TokenSpan[], candidates: readonly Span[]): void {
  const typeOf = new Map<number, EntityType>(); // first token → type, for spans over exactly [first, last)
  const lastOf = new Map<number, number>();
  for (const s of tagged) {
    typeOf.set(s.start, TYPE_OF[s.type]);
    lastOf.set(s.start, s.end);
  }
  for (const c of candidates) {
    if (!c.needsSupport || !bareOrConjunction(t, c) || lastOf.get(c.first) !== c.last) continue;
    const alternative = c.alternatives.find((a) => a.entity.type === typeOf.get(c.first));
    if (alternative) {
      c.entity = alternative.entity;
      c.type = alternative.entity.type;
      c.needsSupport = false;
    }
  }
}

/**
 * Where the name starts in its first token, after any proclitic (the guidelines keep them
 * outside; the tagger, trained on ANERcorp, puts them inside). A reading the lexicon knows wins;
 * a token that is itself a known name word (وليد، بشار، فيروز: in the lexicon's or the tagger's
 * list of name tokens) keeps its first letter; otherwise و is stripped before three or more
 * letters, ف before a known word, and ب/ك/ل before the article.
 */
function stemStart(index: GazetteerIndex, tagger: Tagger, t: TokenTable, first: number, last: number, probe: Match): number {
  const start = t.start[first]!;
  if (t.kind[first] !== Kind.Word || t.stems[first] === 0) return start;
  const m = longestMatch(index, t, first, last, (node) => (index.nodeKinds[node]! & NODE_NAME) !== 0, probe, 'keepArticle');
  if (m.node >= 0) return m.start;
  const whole = index.vocab.find(t.text, start, t.end[first]!, -1);
  if (whole >= 0 || tagger.knowsName(t.text, start, t.end[first]!) || afterPreposition(t, first)) return start; // a name word (فيروز), or a word after a preposition (في باردو)
  const text = t.text;
  const end = t.end[first]!;
  let s = start;
  const c = text.charCodeAt(s);
  // و before three letters or more; ف only before a known word: names begin with ف far more
  // often than ف joins a name (فنزويلا، فيروز), and و is the conjunction of lists.
  if ((c === WAW && end - s >= 4) || (c === FEH && (index.vocab.find(text, s + 1, end, -1) >= 0 || tagger.knowsName(text, s + 1, end)))) s++;
  const p = text.charCodeAt(s);
  if ((p === 0x628 || p === 0x643 || p === 0x644) && end - s >= 5) {
    // ب ك ل before the article: بالقاهرة → القاهرة; ل + ال with the alef dropped: للمنامة → لمنامة.
    if (text.startsWith('ال', s + 1)) s++;
    else if (p === 0x644 && text.charCodeAt(s + 1) === 0x644) s++;
  }
  return s;
}

/** The gazetteer entity of `type` spelled exactly by tokens first … last-1, if any. */
function link(index: GazetteerIndex, t: TokenTable, first: number, last: number, type: EntityType, probe: Match): Entity | null {
  const m = longestMatch(index, t, first, last, (node) => (index.nodeKinds[node]! & NODE_NAME) !== 0, probe, 'keepArticle');
  if (m.node < 0 || m.last !== last) return null;
  let best: Entity | null = null;
  let bestPrior = -1;
  for (let v = 0; v < index.trie.valueCount(m.node); v++) {
    const value = index.trie.value(m.node, v);
    const e = value & 0xffffff;
    if ((value >>> 24) & VALUE_DEMONYM || index.entries[e]!.type !== type) continue;
    if (index.priors[e]! > bestPrior) {
      bestPrior = index.priors[e]!;
      best = index.entity(e);
    }
  }
  return best;
}

/**
 * The tagger's spans fill the gaps the lexicon, patterns and rules left: lexicon links win where
 * they exist. A tagger span replaces the spans it strictly contains only to complete a person's
 * name with known name words (جورج بوش around بوش: the link is kept) or to make a place part of
 * an organisation headed by an organisation word (جامعة القاهرة, not the city القاهرة).
 */
export function addModelSpans(
  kept: readonly Span[],
  learned: readonly Span[],
  t: TokenTable,
  words: RuleMatcher,
  tagger: Tagger,
  mayBeClub: (span: Span) => boolean = () => false,
): Span[] {
  if (learned.length === 0) return [...kept];
  // A word that can complete a person's name: a known name word (itself or behind و: ومدحت), or
  // a definite family name (الكندي، الجداوي); not a verb (براك سيلتقي).
  const isNameWord = (i: number): boolean => {
    const s = t.start[i]!;
    const e = t.end[i]!;
    if (words.isPersonToken(t, i) || (t.kind[i] === Kind.Word && t.text.startsWith('ال', s) && e - s > 3)) return true;
    return tagger.knowsName(t.text, s, e) || ((t.stems[i]! & 2) !== 0 && tagger.knowsName(t.text, s + 1, e));
  };
  const out: Span[] = [];
  let k = 0;
  for (const span of learned) {
    while (k < kept.length && kept[k]!.last <= span.first) out.push(kept[k++]!);
    const inside: Span[] = [];
    let j = k;
    while (j < kept.length && kept[j]!.first < span.last) inside.push(kept[j++]!);
    const contained = inside.every((s) => s.first >= span.first && s.last <= span.last && s.source !== 'pattern');
    const extra: number[] = [];
    for (let i = span.first; i < span.last; i++) if (!inside.some((s) => i >= s.first && i < s.last)) extra.push(i);
    const completes =
      // A person's name around names of persons, or ending in a word that is also a place
      // (كارلوس كوريا: Carlos Correa, not Korea), completed with name words.
      (span.type === 'PERSON' &&
        inside.every((s) => s.type === 'PERSON' || (s.type === 'LOCATION' && s.last === span.last && s.first > span.first)) &&
        // After a name a rule found (it stops at words it does not know: جون … باراديس), any
        // name-like word; after a lexicon name, only words names are made of.
        extra.every((i) => isNameWord(i) || (inside.every((s) => s.source === 'rule') && words.isNameLike(t, i)))) ||
      (span.type === 'ORGANIZATION' && inside.every((s) => s.type === 'LOCATION') && extra.some((i) => words.triggerAt(t, i).head || t.kind[i] === Kind.Latin));
    // A lexicon name read behind a proclitic ك (كلاوس → ك + لاوس) loses to the tagger's reading
    // of the whole word as another kind of name.
    const misread =
      inside.length === 1 &&
      inside[0]!.source === 'lexicon' &&
      inside[0]!.first === span.first &&
      inside[0]!.type !== span.type &&
      t.text.charCodeAt(t.start[span.first]!) === 0x643 &&
      inside[0]!.start === t.start[span.first]! + 1 &&
      inside[0]!.last <= span.last;
    // A person a title rule found, read by the tagger over fewer of its words with one edge in
    // common: the rule takes every name-like word up to four, and the tagger knows where a name
    // ends (ناصر الطبسي, not ناصر الطبسي خريج) or starts.
    const r = inside[0];
    const trims =
      inside.length === 1 &&
      r!.source === 'rule' &&
      r!.type === 'PERSON' &&
      span.type === 'PERSON' &&
      span.first >= r!.first &&
      span.last <= r!.last &&
      span.last - span.first < r!.last - r!.first &&
      (span.first === r!.first || span.last === r!.last);
    // In a sports story a city's name is often its club (فاز هامبورغ على بريمن): the tagger's
    // reading of exactly the lexicon's place as an organisation wins where a club may stand
    // (`mayBeClub`: not after في «in»).
    const club =
      inside.length === 1 &&
      r!.source === 'lexicon' &&
      r!.type === 'LOCATION' &&
      span.type === 'ORGANIZATION' &&
      r!.first === span.first &&
      r!.last === span.last &&
      mayBeClub(r!);
    // A place a place-noun rule found, continued by the tagger over more words of its name that
    // are no nisba adjectives (كوباني الكردية is Kobani).
    const continues =
      inside.length === 1 &&
      r!.source === 'rule' &&
      r!.type === 'LOCATION' &&
      span.type === 'LOCATION' &&
      span.first === r!.first &&
      span.last > r!.last &&
      extra.every((i) => words.isNameLike(t, i) && !endsLikeNisba(t.text, t.start[i]!, t.end[i]!));
    if (inside.length === 0) out.push(span);
    else if (trims || club || continues) {
      out.push(span);
      k = j;
    } else if ((contained && extra.length > 0 && completes) || misread) {
      // A name continued after a known one (فيصل بن فرحان بن عبدالله) is still that person; words
      // before it make another person (لورا بوش is not George Bush).
      const same = inside.filter((s) => s.type === span.type && s.entity);
      if (!span.entity && same.length === 1 && same[0]!.first === span.first) span.entity = same[0]!.entity;
      out.push(span);
      k = j;
    }
  }
  while (k < kept.length) out.push(kept[k++]!);
  return out;
}
