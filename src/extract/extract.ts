import { assertString } from '../errors.js';
import { BUNDLED_COMMON_WORDS, BUNDLED_INSTITUTIONS, BUNDLED_TRIGGERS } from '../gazetteer/bundled.js';
import { Gazetteer } from '../gazetteer/index.js';
import { oneWordName } from '../gazetteer/index-build.js';
import { InstitutionMatcher, isFi, parseInstitutions, type InstitutionPattern } from '../match/institutions.js';
import { isArabicSpeaking, isFunctionWord, matchLexicon } from '../match/lexicon.js';
import { applyContext } from '../match/context.js';
import { addGlosses } from '../match/glosses.js';
import { LatinNames } from '../match/latin-names.js';
import { joinLineage } from '../match/nasab.js';
import { propagate } from '../match/propagate.js';
import { resolveOverlaps } from '../match/resolve.js';
import { splitRunTogether } from '../match/run-together.js';
import { findTypos } from '../match/typos.js';
import { parseTriggers, RuleMatcher } from '../match/rules.js';
import type { Span } from '../match/span.js';
import { normalize } from '../normalize/index.js';
import { foreignSegments } from '../tokenize/segments.js';
import { FLAG_LINE_BREAK, isCharToken, Kind, scan, type TokenTable } from '../tokenize/scan.js';
import { HEH } from '../tokenize/letters.js';
import type { Tagger } from '../model/index.js';
import { ENTITY_TYPES, type EntityType, type Mention } from '../types.js';
import { addModelSpans, bundledTagger, modelSpans, startsNextPerson } from './model.js';

/** Options of one `extract` call. */
export interface ExtractOptions {
  /** Only these types (default: all three). */
  readonly types?: readonly EntityType[];
  /** Drop mentions scored below this (default 0). */
  readonly minScore?: number;
  /**
   * Use the learned tagger for names no lexicon or rule finds (default true). Without it the
   * extractor is lexicon, patterns and rules only: faster, and more precise on persons it does not know.
   */
  readonly model?: boolean;
}

/** Options of {@link createExtractor}. */
export interface ExtractorOptions extends ExtractOptions {
  /** The knowledge to match against (default: `Gazetteer.bundled()`). */
  readonly gazetteer?: Gazetteer;
  /** National-institution patterns (default: the bundled `lexicons/institutions.jsonl`). */
  readonly institutions?: readonly InstitutionPattern[];
}

/** An extractor bound to one gazetteer. Stateless between calls: safe to share. */
export interface Extractor {
  readonly gazetteer: Gazetteer;
  /** The mentions in `text`, sorted, non-overlapping, with offsets into `text`. */
  extract(text: string, options?: ExtractOptions): Mention[];
}

/**
 * Makes an extractor for a gazetteer of your own (or the bundled one, extended).
 *
 * @example
 * const gazetteer = Gazetteer.bundled().extend([
 *   { id: 'acme_eg', type: 'ORGANIZATION', name: { ar: 'أكمي للصناعات', en: 'Acme Industries' } },
 * ]);
 * const { extract } = createExtractor({ gazetteer });
 * extract('أعلنت أكمي للصناعات عن أرباحها'); // [{ text: 'أكمي للصناعات', type: 'ORGANIZATION', … }]
 */
export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const gazetteer = options.gazetteer ?? Gazetteer.bundled();
  const patterns = options.institutions ?? parseInstitutions(BUNDLED_INSTITUTIONS[1], BUNDLED_INSTITUTIONS[0]);
  const institutions = new InstitutionMatcher(patterns, gazetteer.index);
  const rules = new RuleMatcher(parseTriggers(BUNDLED_TRIGGERS[1], BUNDLED_TRIGGERS[0]), gazetteer.index, BUNDLED_COMMON_WORDS);
  const latinNames = new LatinNames(gazetteer.index);
  const defaults: ExtractOptions = options;
  const isEveryday = (text: string, start: number, end: number): boolean => rules.isEverydayWord(text, start, end);
  const isOneWordName = (text: string, start: number, end: number): boolean => oneWordName(gazetteer.index, text, start, end) >= 0;
  const isNameWord = (text: string, start: number, end: number): boolean =>
    gazetteer.index.vocab.find(text, start, end, -1) >= 0 || institutions.knows(text, start, end);

  function run(input: string, callOptions?: ExtractOptions): Mention[] {
    assertString(input, 'extract()');
    const types = new Set(callOptions?.types ?? defaults.types ?? ENTITY_TYPES);
    const minScore = callOptions?.minScore ?? defaults.minScore ?? 0;
    const useModel = callOptions?.model ?? defaults.model ?? true;
    const normalized = normalize(input);
    const t = splitRunTogether(scan(normalized.text), isNameWord, isEveryday, isOneWordName);
    const skip = foreignTokens(t);

    const candidates: Span[] = [];
    matchLexicon(gazetteer.index, t, skip, candidates, isEveryday);
    institutions.find(t, skip, candidates);
    const spanAt = spanStarts(candidates, t.count);
    rules.find(t, skip, candidates, spanAt, candidates, normalized);
    rules.datelines(t, candidates);
    const sports = rules.isSportsText(t, candidates);
    if (sports) rules.clubs(t, skip, candidates, spanAt, candidates);
    const learned = useModel ? modelSpans(bundledTagger(), gazetteer.index, rules, normalized, t, skip, candidates) : [];
    // Words too ordinary for a place of their country to claim: function words everywhere; everyday
    // words for foreign places (الأشهر is «the months», not Alaşehir), not for Arab ones (الموصل).
    const isFrequentWord = (span: Span): boolean =>
      span.last - span.first === 1 &&
      (isFunctionWord(t, span.first) || (rules.isCommon(t, span.first) && !span.alternatives.some((a) => isArabicSpeaking(a.entity.country))));
    // In a sports story a city's spelling may be its club, but not after في «in» (في الرياض).
    const mayBeClub = (span: Span): boolean => sports && !(span.first > 0 && isFi(t, span.first - 1));
    const resolved = resolveOverlaps(applyContext(candidates, isFrequentWord, mayBeClub, adjectiveCountries(t, candidates, institutions)), t.count);
    const kept = useModel ? addModelSpans(resolved, learned, t, rules, bundledTagger(), mayBeClub) : resolved;
    linkInstitutions(kept, institutions);
    const listed = coordinatedPersons(kept, t, skip, rules, useModel ? bundledTagger() : undefined);
    const repeated = propagate(dropNationality(listed, t, institutions), t, skip, (table, i) => rules.isCommon(table, i));
    const typos = findTypos(repeated, t, skip, (table, i) => !rules.isNameLike(table, i));
    const lineage = joinLineage(typos.length ? [...repeated, ...typos].sort((a, b) => a.start - b.start) : repeated, t, (table, i) => rules.isNameLike(table, i));
    const spans = latinNames.add(addGlosses(lineage, t), t, skip);

    const mentions: Mention[] = [];
    for (const span of spans) {
      if (!types.has(span.type) || span.score < minScore) continue;
      if (span.type === 'LOCATION' && span.source !== 'rule' && isAgreeingAdjective(t, span, rules, institutions)) continue;
      const { start, end } = normalized.toSource(span.start, span.end);
      if (hasTanween(input, start, end, span.type)) continue;
      mentions.push({
        start,
        end,
        text: input.slice(start, end),
        type: span.type,
        entity: span.entity,
        score: span.score,
        source: span.source,
      });
    }
    return mentions;
  }

  return { gazetteer, extract: run };
}

/**
 * The countries the text speaks of with nationality adjectives (العراقية، السعودي) — read only
 * when some everyday-word place (الموصل، الطائف) waits for support.
 */
function adjectiveCountries(t: TokenTable, candidates: readonly Span[], institutions: InstitutionMatcher): Set<string> {
  const out = new Set<string>();
  if (!candidates.some((c) => c.needsSupport && c.alternatives.some((a) => a.entity.type === 'LOCATION'))) return out;
  for (let i = 0; i < t.count; i++) {
    if (t.kind[i] !== Kind.Word) continue;
    const country = institutions.demonymAt(t, i)?.country;
    if (country) out.add(country);
  }
  return out;
}

/**
 * Names in a list of persons: after a person's name (and a comma), و + a first name + a name-like
 * word is the next person (بحضور عمرو أديب، وغادة عادل وليلى طاهر), even where neither the
 * lexicon nor the tagger knew it. The first name must be a known name word (the lexicon's, or the
 * tagger's list of name tokens); the و stays outside.
 */
function coordinatedPersons(spans: readonly Span[], t: TokenTable, skip: Uint8Array, rules: RuleMatcher, tagger?: Tagger): Span[] {
  let out: Span[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    if (spans[k]!.type !== 'PERSON') continue;
    const limit = k + 1 < spans.length ? spans[k + 1]!.first : t.count;
    for (let j = afterComma(t, spans[k]!.last); j + 1 < limit && isNextInList(t, j, skip, rules, tagger); j = afterComma(t, j + 2)) {
      (out ??= [...spans]).push({
        first: j,
        last: j + 2,
        start: t.start[j]! + 1,
        end: t.end[j + 1]!,
        type: 'PERSON',
        entity: null,
        alternatives: [],
        score: 0.6,
        source: 'rule',
        needsSupport: false,
      });
    }
  }
  return out ? out.sort((a, b) => a.start - b.start) : (spans as Span[]);
}

/** Token i, or the one after it when i is a comma (، or ,). */
function afterComma(t: TokenTable, i: number): number {
  return isCharToken(t, i, 0x60c) || isCharToken(t, i, 0x2c) ? i + 1 : i;
}

/** Tokens j, j+1 are و + a known first name, then a name-like word, on one line. */
function isNextInList(t: TokenTable, j: number, skip: Uint8Array, rules: RuleMatcher, tagger?: Tagger): boolean {
  if (skip[j] || skip[j + 1] || (t.flags[j]! | t.flags[j + 1]!) & FLAG_LINE_BREAK || !startsNextPerson(rules, tagger, t, j)) return false;
  return rules.isNameLike(t, j + 1) || rules.isPersonToken(t, j + 1);
}

/**
 * A place spelled like an adjective of nationality (السعودية، الهندية) right after a definite
 * everyday noun that is no title, descriptor or nationality adjective is that adjective, agreeing
 * with the noun (السوق السعودية، الأراضي السعودية): no mention (guidelines: nationality adjectives
 * on their own). After a feminine place noun it agrees too (العاصمة الهندية، المدينة السعودية).
 * After a title or an adjective it is the country (زار الرئيس الأمريكي السعودية).
 */
function isAgreeingAdjective(t: TokenTable, span: Span, rules: RuleMatcher, institutions: InstitutionMatcher): boolean {
  const i = span.first;
  if (span.last - i !== 1 || i === 0 || span.start !== t.start[i] || !t.text.startsWith('ال', t.start[i]!) || !institutions.demonymAt(t, i)) return false;
  const p = i - 1;
  if (rules.isDefiniteEverydayNoun(t, p)) return true;
  // A feminine place noun (العاصمة، المدينة) and a feminine adjective.
  return t.kind[p] === Kind.Word && t.text.startsWith('ال', t.start[p]!) && rules.triggerAt(t, p).place && t.text.charCodeAt(t.end[p]! - 1) === HEH && t.text.endsWith('يه', t.end[i]!);
}

/**
 * The adjective of an organisation's own country right after its name describes it (النادي
 * الأهلي المصري، صحيفة التايمز البريطانية: outside the name) and is no other name: المصري there is
 * not the club of Port Said.
 */
function dropNationality(spans: readonly Span[], t: TokenTable, institutions: InstitutionMatcher): Span[] {
  const out: Span[] = [];
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    out.push(span);
    const next = spans[k + 1];
    const i = span.last;
    const country = span.type === 'ORGANIZATION' ? span.entity?.country : undefined;
    if (country && next && next.first === i && next.last === i + 1 && next.start === t.start[i] && institutions.demonymAt(t, i)?.country === country) k++;
  }
  return out;
}

/**
 * Names of places and bodies do not take tanween: a match written with one (جندياً أرمينياً) is an
 * indefinite adjective or adverb, not the name. A person's name may, in fully vowelled text
 * (محمودُ عباسٍ): there only the fathatan of an adverb or adjective (سعيداً «happy») rules it out.
 */
function hasTanween(input: string, start: number, end: number, type: EntityType): boolean {
  const last = type === 'PERSON' ? 0x64b : 0x64d; // FATHATAN; DAMMATAN, KASRATAN
  for (let i = start; i < end; i++) {
    const c = input.charCodeAt(i);
    if (c >= 0x64b && c <= last) return true;
  }
  return false;
}

/** For each token, the index of the longest candidate that starts there, or -1. */
function spanStarts(spans: readonly Span[], tokenCount: number): Int32Array {
  const at = new Int32Array(tokenCount).fill(-1);
  spans.forEach((span, k) => {
    const previous = at[span.first]!;
    if (previous < 0 || span.last > spans[previous]!.last) at[span.first] = k;
  });
  return at;
}

/** Flags the tokens inside foreign stretches (embedded tweets, hashtag runs). */
function foreignTokens(t: TokenTable): Uint8Array {
  const skip = new Uint8Array(t.count);
  const segments = foreignSegments(t);
  let s = 0;
  for (let i = 0; i < t.count && s < segments.length; i++) {
    while (s < segments.length && segments[s]!.end <= t.start[i]!) s++;
    const seg = segments[s];
    if (seg && t.start[i]! >= seg.start && t.end[i]! <= seg.end) skip[i] = 1;
  }
  return skip;
}

/**
 * An institution named without its country (وزارة الدفاع) is the same body as the nearest
 * mention of that institution with its country, earlier in the document, else later.
 */
function linkInstitutions(spans: Span[], matcher: InstitutionMatcher): void {
  spans.forEach((span, k) => {
    if (span.entity || !span.institution) return;
    const prefix = `${span.institution}_`;
    const isSame = (other: Span): boolean => other.entity?.id.startsWith(prefix) === true && other.entity.subtype === matcher.pattern(span.institution!)?.subtype;
    for (let j = k - 1; j >= 0; j--) {
      if (isSame(spans[j]!)) {
        span.entity = spans[j]!.entity;
        return;
      }
    }
    for (let j = k + 1; j < spans.length; j++) {
      if (isSame(spans[j]!)) {
        span.entity = spans[j]!.entity;
        return;
      }
    }
  });
}

let defaultExtractor: Extractor | undefined;

/**
 * Finds the people, places and organisations in Arabic text. Offsets are UTF-16 indices into
 * `text`, and every mention's `text` is `text.slice(start, end)`. Never throws on a string.
 *
 * @example
 * extract('وقال الرئيس الأذري إلهام علييف إن باكو مستعدة للحوار');
 * // [{ text: 'إلهام علييف', type: 'PERSON', entity: { id: 'ilham_aliyev', … } },
 * //  { text: 'باكو', type: 'LOCATION', entity: { id: 'baku_az', … } }]
 */
export function extract(text: string, options?: ExtractOptions): Mention[] {
  defaultExtractor ??= createExtractor();
  return defaultExtractor.extract(text, options);
}
