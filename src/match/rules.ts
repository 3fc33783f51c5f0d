/**
 * Context rules: names the lexicon lacks, found by the words around them — a person after a
 * title or role (الرئيس، وزير الخارجية، المتحدث باسم الكرملين), a place after a place noun
 * (مدينة، قرية), an organisation after a descriptor (وكالة، صحيفة: outside the span) or with
 * its head (جامعة، حزب: inside), a news source after «المصدر:».
 */
import { describe } from '../errors.js';
import { NODE_DEMONYM, NODE_NAME, VALUE_DEMONYM, VOCAB_PERSON, type GazetteerIndex } from '../gazetteer/index-build.js';
import { LexiconError, parseJsonLines } from '../gazetteer/lexicon.js';
import { StringTable } from '../gazetteer/string-table.js';
import { TokenTrie } from '../gazetteer/token-trie.js';
import type { NormalizedText } from '../normalize/index.js';
import { BEH, FEH, KAF, LAM, TEH, WAW, YEH } from '../tokenize/letters.js';
import { FLAG_LINE_BREAK, isCharToken, Kind, type TokenTable } from '../tokenize/scan.js';
import { ENTITY_TYPES, type Entity, type EntityType } from '../types.js';
import type { Span } from './span.js';
import { isFunctionWord } from './lexicon.js';
import { addPhrase, isFoldedPreposition, longestMatch, type Match, type TokenIndex } from './walk.js';

/** What a trigger phrase announces. */
export type TriggerKind = 'title' | 'role' | 'place' | 'outlet' | 'descriptor' | 'head' | 'source' | 'sports' | 'venue' | 'reporter';

/** A line of `lexicons/triggers.jsonl`. */
export interface TriggerSet {
  readonly kind: TriggerKind;
  readonly type: EntityType;
  readonly phrases: readonly string[];
}

const KINDS: readonly TriggerKind[] = ['title', 'role', 'place', 'outlet', 'descriptor', 'head', 'source', 'sports', 'venue', 'reporter'];
const KIND_BIT: Readonly<Record<TriggerKind, number>> = { title: 1, role: 2, place: 4, outlet: 8, descriptor: 16, head: 32, source: 64, sports: 128, venue: 256, reporter: 512 };

/** Parses the triggers JSONL (errors name file:line). */
export function parseTriggers(jsonl: string, file: string): TriggerSet[] {
  return parseJsonLines(jsonl, file, (value, line) => {
    const o = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    if (!KINDS.includes(o.kind as TriggerKind) || !ENTITY_TYPES.includes(o.type as EntityType) || !Array.isArray(o.phrases)) {
      throw new LexiconError(file, line, `expected {kind: ${KINDS.join('|')}, type, phrases: [...]}, got ${describe(value)}`);
    }
    return o as unknown as TriggerSet;
  });
}

/** Words that may sit between a title and the name (الرئيس السابق X). */
const QUALIFIERS = ['السابق', 'السابقه', 'الاسبق', 'الحالي', 'الحاليه', 'المنتخب', 'المنتخبه', 'المؤقت', 'الجديد', 'الجديده', 'الراحل', 'الراحله', 'الفخري', 'المكلف', 'الركن'];

/** Words of a match report between two clubs (normalised): على ضيفه، أمام مضيفه، فوزا كبيرا على. */
const MATCH_WORDS = ['علي', 'مع', 'امام', 'ضد', 'ضيفه', 'مضيفه', 'ضيفها', 'مضيفها', 'نظيره', 'منافسه', 'غريمه', 'فوزا', 'فوزه', 'كبيرا', 'صعبا', 'ثمينا', 'مستحقا', 'عريضا'];

/**
 * Nouns a club's name follows in construct (normalised): لاعب الهلال، مرمى العربي، جماهير الاتحاد.
 * Not منتخب، بطولة، كأس، دوري: منتخب الشباب is the youth team.
 */
const CLUB_NOUNS = ['لاعب', 'لاعبي', 'لاعبو', 'فريق', 'مرمي', 'مدرب', 'حارس', 'هدف', 'هدفي', 'اهداف', 'جماهير', 'جمهور', 'مهاجم', 'مدافع', 'رصيد', 'نادي', 'شباك'];

/** Titles that stay inside the name of a venue named after their bearer (normalised). */
const ROYAL_TITLES = ['الملك', 'الملكه', 'الامير', 'الاميره', 'الشيخ', 'الشيخه', 'السلطان', 'الامام'];

/** Possessive pronouns a noun may carry: هما، هم، هن، كم، نا، ها، ه، ك. */
const PRONOUN_SUFFIXES = ['هما', 'هم', 'هن', 'كم', 'نا', 'ها', 'ه', 'ك'];
const SCORE_RULE = 0.7;
const MAX_NAME_TOKENS = 4;

export class RuleMatcher {
  private readonly triggers: TokenIndex = { vocab: new StringTable(), trie: new TokenTrie() };
  private readonly kindAt = new Map<number, number>(); // trigger node → KIND_BIT union
  private readonly common = new StringTable();
  private readonly qualifiers = new StringTable();
  private readonly matchWords = new StringTable();
  private readonly clubNouns = new StringTable();
  private readonly royalTitles = new StringTable();
  private readonly match: Match = { node: -1, last: 0, start: 0 };
  private readonly probe: Match = { node: -1, last: 0, start: 0 };

  constructor(
    triggers: readonly TriggerSet[],
    private readonly gazetteer: GazetteerIndex,
    commonWords: string,
  ) {
    for (const set of triggers) {
      for (const phrase of set.phrases) {
        const node = addPhrase(this.triggers, phrase);
        if (node >= 0) this.kindAt.set(node, (this.kindAt.get(node) ?? 0) | KIND_BIT[set.kind]);
      }
    }
    this.triggers.trie.freeze();
    for (const word of commonWords.split('\n')) if (word) this.common.intern(word);
    for (const word of QUALIFIERS) this.qualifiers.intern(word);
    for (const word of MATCH_WORDS) this.matchWords.intern(word);
    for (const word of CLUB_NOUNS) this.clubNouns.intern(word);
    for (const word of ROYAL_TITLES) this.royalTitles.intern(word);
  }

  /**
   * Adds the spans the rules find. `spanAt[i]` is the index in `found` of the lexicon or pattern
   * span that starts at token i (or -1): a name the lexicon already knows is not found again, a
   * trigger that is part of a known name (وزارة الدفاع، مجلس الأمن) triggers nothing, and a known
   * body after a role (وزير خارجية فرنسا، المتحدث باسم الكرملين) is stepped over. With the
   * `normalized` text, the caller's letters tell على (ى) from the name علي.
   */
  find(t: TokenTable, skip: Uint8Array, found: Span[], spanAt: Int32Array, out: Span[], normalized?: NormalizedText): void {
    const accept = (node: number): boolean => this.kindAt.has(node);
    for (let i = 0; i < t.count; i++) {
      // لـ«…»: a quoted name after a detached ل is whom one speaks to, an outlet (قال لـ«الشرق الأوسط»).
      if (isDetachedLam(t, i) && i + 2 < t.count && isOpeningQuote(t, i + 1)) {
        const span = this.outlet(t, i + 2, found, spanAt, false, 'media');
        if (span && span.last < t.count && isClosingQuote(t, span.last)) {
          out.push(span);
          i = span.last;
        }
        continue;
      }
      // A lexicon match that still needs support does not hide a trigger (نادي is also Nadi, Fiji).
      if (skip[i] || (spanAt[i]! >= 0 && !found[spanAt[i]!]!.needsSupport) || (t.kind[i] !== Kind.Word && t.kind[i] !== Kind.Latin)) continue;
      const m = longestMatch(this.triggers, t, i, t.count, accept, this.match, 'keepArticle');
      if (m.node < 0) continue;
      const kinds = this.kindAt.get(m.node)!;
      const after = m.last;
      if (after >= t.count || skip[after]) continue;
      let span: Span | null = null;
      if (kinds & (KIND_BIT.title | KIND_BIT.role)) span = this.person(t, after, (kinds & KIND_BIT.role) !== 0, found, spanAt, normalized);
      if (!span && kinds & KIND_BIT.place) span = this.place(t, after, found, spanAt);
      if (!span && kinds & KIND_BIT.outlet) span = this.outlet(t, after, found, spanAt, true);
      if (!span && kinds & KIND_BIT.descriptor) span = this.outlet(t, after, found, spanAt, false, kinds & KIND_BIT.sports ? 'club' : undefined);
      if (!span && kinds & KIND_BIT.head) span = this.headed(t, i, m.start, after, found, spanAt, 'ORGANIZATION');
      if (!span && kinds & KIND_BIT.venue) span = this.headed(t, i, m.start, after, found, spanAt, 'LOCATION');
      // A source label is followed by a colon (المصدر: عربي21); without one it is «the source»
      // with its adjective (المصدر الأمني «the security source»).
      if (!span && kinds & KIND_BIT.source) {
        const k = skipColon(t, after);
        if (k > after || isCharToken(t, after - 1, 0x3a)) span = this.outlet(t, k, found, spanAt, true);
      }
      if (!span && kinds & KIND_BIT.reporter) this.confirm(found, spanAt, after, 'ORGANIZATION', 'media');
      if (span) {
        out.push(span);
        i = span.last - 1;
      }
    }
  }

  /**
   * A dateline names its agency in brackets between the place and a dash (المنامة (بنا) -،
   * الرياض (واس) -) or after a dash before a colon or the line's end (مسقط - العمانية:): an
   * everyday-word spelling there (بنا «with us», العمانية «the Omani») is the agency.
   */
  datelines(t: TokenTable, found: readonly Span[]): void {
    let placeBefore: Map<number, Span> | undefined; // token after a place → the place
    for (const span of found) {
      const k = span.first;
      if (!span.needsSupport || span.source !== 'lexicon' || k < 2) continue;
      const end = span.last;
      const bracketed = isCharToken(t, k - 1, 0x28) && isCharToken(t, end, 0x29) && (isDashToken(t, end + 1) || isCharToken(t, end + 1, 0x3a)); // PLACE (X) -
      const dashed = isDashToken(t, k - 1) && (end >= t.count || isCharToken(t, end, 0x3a) || (t.flags[end]! & FLAG_LINE_BREAK) !== 0); // PLACE - X:
      if (!bracketed && !dashed) continue;
      // The place: a sure one, or one that starts the line (مسقط is also «place of falling»).
      placeBefore ??= new Map(found.filter((f) => f.type === 'LOCATION').map((f) => [f.last, f]));
      const place = placeBefore.get(k - 1);
      if (!place || (place.needsSupport && !(place.first === 0 || (t.flags[place.first]! & FLAG_LINE_BREAK) !== 0))) continue;
      if (this.retype(span, 'ORGANIZATION', 'agency') && place.needsSupport) this.retype(place, 'LOCATION');
    }
  }

  /**
   * A lexicon span at token k is confirmed as `type` by the trigger before it: an everyday-word
   * spelling (الرئيس عون، مدينة صور) needs no other support, and an ambiguous one takes the
   * entity of that type (صحيفة الشرق الأوسط is the newspaper). Returns whether there was one.
   */
  private confirm(found: Span[], spanAt: Int32Array, k: number, type: EntityType, subtype?: string): boolean {
    const known = spanAt[k]!;
    return known >= 0 && this.retype(found[known]!, type, subtype);
  }

  /**
   * The lexicon span takes its entity of `type` (of `subtype` where it has one: نادي الرياض is
   * the club, صحيفة الرياض the newspaper), if it has one, and needs no other support.
   */
  private retype(span: Span, type: EntityType, subtype?: string): boolean {
    const own = span.alternatives.filter((a) => a.entity.type === type);
    const chosen = own.find((a) => a.entity.subtype === subtype) ?? (span.type === type ? undefined : own[0]);
    if (span.type !== type && !chosen) return false;
    if (chosen) {
      span.entity = chosen.entity;
      span.type = type;
    }
    span.alternatives = own;
    span.needsSupport = false;
    return true;
  }

  /** A person's name after a title or role, past qualifiers (السابق، الأذري، للأمم المتحدة). */
  private person(t: TokenTable, k: number, role: boolean, found: Span[], spanAt: Int32Array, normalized?: NormalizedText): Span | null {
    k = skipColon(t, k);
    for (let hops = 0; hops < 4 && k < t.count && !endsName(t, k); hops++) {
      const known = spanAt[k]!;
      // Adjectives first: in الرئيس السوداني عمر البشير, السوداني is Sudanese, not al-Sudani.
      if (this.isDemonym(t, k) || this.has(this.qualifiers, t, k)) k++;
      else if (this.confirm(found, spanAt, k, 'PERSON')) return null; // the lexicon has it
      else if (role && isBism(t, k)) k++; // باسم
      else if (role && known >= 0) k = found[known]!.last; // وزير خارجية فرنسا، المتحدث باسم الكرملين
      else if (role && this.isDefiniteCommon(t, k)) k++; // وزير الخارجية، الأمين العام
      else break;
    }
    if (k >= t.count || spanAt[k]! >= 0) return null;
    // علي is also the preposition على written with yeh: after a title it starts a name only
    // before a word of one (الوزير علي العلاق; not أكد الوزير علي ضرورة, nor علي نتنياهو).
    const ali = isAli(t, k) && !(normalized && isFoldedPreposition(normalized, t, k));
    let n = ali ? 1 : 0;
    let known = ali;
    while (
      n < MAX_NAME_TOKENS &&
      k + n < t.count &&
      (n === 0 || (!endsName(t, k + n) && spanAt[k + n]! < 0 && !this.startsNextName(t, k + n))) &&
      this.isNameLike(t, k + n)
    ) {
      known ||= this.isPersonToken(t, k + n) || (n > 0 && isFamilyName(t, k + n));
      n++;
    }
    // A title before an unknown word is not enough: one of the words must be a known name token,
    // or a family name after the first (الروائية جوخة الحارثي).
    if (n === (ali ? 1 : 0) || !known) return null;
    return this.span(t, k, k + n, t.start[k]!, 'PERSON');
  }

  /**
   * A place named after its noun (مدينة X): a word not everyday, not definite, not shaped like a
   * feminine nisba adjective (مدينة سورية is a Syrian city) — and a second word of its name where
   * one follows: a place's name (بنت جبيل, not Byblos) or a definite name-like word that is no
   * nisba adjective (معرة النعمان; not مدينة حلب القديمة, nor a verb: كانتون اضطرت).
   */
  private place(t: TokenTable, k: number, found: Span[], spanAt: Int32Array): Span | null {
    if (endsName(t, k) || this.confirm(found, spanAt, k, 'LOCATION') || spanAt[k]! >= 0) return null;
    const s = t.start[k]!;
    const e = t.end[k]!;
    if (!this.isNameLike(t, k) || e - s < 3 || t.text.startsWith('ال', s) || t.text.endsWith('يه', e)) return null;
    const n = k + 1;
    const next = n < t.count ? spanAt[n]! : -1;
    const second =
      n < t.count &&
      !endsName(t, n) &&
      (next >= 0
        ? t.stems[n] === 0 && found[next]!.type === 'LOCATION' && found[next]!.last === n + 1 && !found[next]!.needsSupport
        : t.text.startsWith('ال', t.start[n]!) && this.isNameLike(t, n) && !this.isNisbaShaped(t, n));
    return this.span(t, k, second ? k + 2 : k + 1, s, 'LOCATION');
  }

  /**
   * An outlet or company after its descriptor (وكالة تاس، قناة CNN، شركة أرامكو): the descriptor
   * stays outside. A news outlet's name may be an everyday word (`media`: صحيفة البلاد). A known
   * spelling takes its entity of `subtype` where it has one (the outlet's for `media`).
   */
  private outlet(t: TokenTable, k: number, found: Span[], spanAt: Int32Array, media: boolean, subtype = media ? 'media' : undefined): Span | null {
    if (k < t.count && isOpeningQuote(t, k) && k + 1 < t.count && !(t.flags[k + 1]! & FLAG_LINE_BREAK)) return this.outlet(t, k + 1, found, spanAt, media, subtype);
    if (k >= t.count || endsName(t, k) || this.confirm(found, spanAt, k, 'ORGANIZATION', subtype) || spanAt[k]! >= 0) return null;
    if (t.kind[k] === Kind.Latin) {
      let n = 1;
      while (n < MAX_NAME_TOKENS && k + n < t.count && t.kind[k + n] === Kind.Latin && !endsName(t, k + n)) n++;
      return this.span(t, k, k + n, t.start[k]!, 'ORGANIZATION');
    }
    // One or two name-like words, or one definite word (صحيفة البلاد), then nisba adjectives (الدفاع العربي).
    // An indefinite feminine nisba right after the descriptor agrees with it as an adjective
    // (صحيفة يومية، منظمة حكومية): a kind of outlet, not its name.
    if (this.isIndefiniteFeminineNisba(t, k)) return null;
    const nameLike = this.isNameLike(t, k);
    if (!nameLike && !(media && this.isDefiniteCommon(t, k))) return null;
    let end = k + 1;
    if (nameLike && end < t.count && !endsName(t, end) && spanAt[end]! < 0 && this.isNameLike(t, end)) end++;
    // Nisba adjectives complete a name made of an everyday word (موقع الدفاع العربي); after a
    // proper name a nationality adjective only describes it (صحيفة التايمز البريطانية).
    while (end < t.count && end - k < MAX_NAME_TOKENS && !endsName(t, end) && this.isNisbaAdjective(t, end) && !(nameLike && this.isDemonym(t, end))) end++;
    return this.span(t, k, end, t.start[k]!, 'ORGANIZATION');
  }

  /**
   * An institution with its head inside (جامعة أسيوط التكنولوجية، حزب الأمة), or a named venue
   * (`LOCATION`: مطار بيروت الدولي، قصر الإليزيه). A name follows its head in construct; a head
   * followed by a preposition is a common noun (مركز للأبحاث).
   */
  private headed(t: TokenTable, first: number, start: number, k: number, found: Span[], spanAt: Int32Array, type: EntityType): Span | null {
    // A name follows its head in the genitive; a nominative plural after it is the subject of a
    // verb spelled like the head (وتجمع المحتجون «and the protesters gathered»).
    if (k < t.count && (hasPreposition(t, k) || isNominativePlural(t, k))) return null;
    let end = k;
    let named = false;
    // A venue named after a royal (مطار الملك خالد الدولي، ملعب الأمير فيصل): the title is inside.
    if (type === 'LOCATION' && k + 1 < t.count && spanAt[k]! < 0 && this.has(this.royalTitles, t, k) && this.isPersonToken(t, k + 1)) end++;
    while (end < t.count && end - k < MAX_NAME_TOKENS && !endsName(t, end)) {
      const known = spanAt[end]!;
      // A word behind a preposition starts something else (قصر اليمامة بالرياض).
      if (end > k && (hasPreposition(t, end) || (known >= 0 && found[known]!.start !== t.start[end]))) break;
      if (known >= 0) {
        // A venue may bear a person's name (ملعب الأمير فيصل بن فهد); an institution's head
        // before a person or another body is no name (حزب نتنياهو).
        const person = type === 'LOCATION' && end === k && found[known]!.type === 'PERSON' && found[known]!.start === t.start[end];
        if (found[known]!.type !== 'LOCATION' && !person) return null;
        // An everyday word that may be a place names no venue (ساحة المدينة «the town square»).
        if (type === 'LOCATION' && found[known]!.needsSupport) return null;
        end = found[known]!.last; // جامعة القاهرة (then at most adjectives: مطار هونغ كونغ الدولي)
        named = true;
        break;
      } else if (this.isNameLike(t, end) && !(end === k && this.isNisbaShaped(t, end) && !t.text.startsWith('ال', t.start[end]!))) {
        // An indefinite nisba right after the head is its adjective (حركة يدوية، اتحاد طوعي); a
        // definite one cannot agree with the indefinite head and is a name (قصر الاتحادية).
        end++;
        named = true;
      } else break;
    }
    if (!named) return null;
    // Nisba adjectives that end the name (التكنولوجية، الإسلامية).
    while (end < t.count && end - k < MAX_NAME_TOKENS + 2 && !endsName(t, end) && this.isNisbaAdjective(t, end)) end++;
    return this.span(t, first, end, start, type);
  }

  /**
   * An Arabic word that is not an everyday word — nor one behind a proclitic (كمباراة), unless it is
   * a known name word (فيصل is not ف + يصل) — not an adjective of nationality, not a title (السيد).
   */
  isNameLike(t: TokenTable, i: number): boolean {
    if (t.kind[i] !== Kind.Word || t.end[i]! - t.start[i]! < 2) return false;
    if (this.has(this.common, t, i) || isFunctionWord(t, i) || this.isDemonym(t, i) || this.triggerAt(t, i).outside) return false;
    const person = this.isPersonToken(t, i);
    if (!person && this.endsInPossessive(t, i)) return false;
    const mask = t.stems[i]!;
    const s = t.start[i]!;
    if (mask !== 0 && !person) {
      for (let k = 1; k < 8; k++) if (mask & (1 << k) && this.common.find(t.text, s + k, t.end[i]!, -1) >= 0) return false;
    }
    return true;
  }

  /** A word with و before it that is not itself a name word starts the next name (رانيا فريد شوقي ورجاء …). */
  private startsNextName(t: TokenTable, i: number): boolean {
    return t.text.charCodeAt(t.start[i]!) === 0x648 && (t.stems[i]! & 2) !== 0 && !this.isPersonToken(t, i);
  }

  /** An indefinite word ending in ية (ة folded to ه): يومية، حكومية. */
  private isIndefiniteFeminineNisba(t: TokenTable, i: number): boolean {
    const s = t.start[i]!;
    const e = t.end[i]!;
    return t.kind[i] === Kind.Word && e - s >= 4 && !t.text.startsWith('ال', s) && t.text.endsWith('يه', e) && !this.isPersonToken(t, i);
  }

  /** Ends like a nisba adjective: ي، ية (ة folded to ه). */
  private isNisbaShaped(t: TokenTable, i: number): boolean {
    const e = t.end[i]!;
    const last = t.text.charCodeAt(e - 1);
    return last === 0x64a || (last === 0x647 && t.text.charCodeAt(e - 2) === 0x64a);
  }

  /**
   * Whether the text is about sport: two pieces of evidence among its sports words (مباراة،
   * الدوري، هدف…), the clubs the lexicon found in it (`found`), and a match score (2 - صفر),
   * so a city's name there may be its club. A table of results (سلتيك ( اسكتلندا ) - كوبنهاغن
   * ( الدنمارك ) 1 - صفر) has no sports word.
   */
  isSportsText(t: TokenTable, found: readonly Span[] = []): boolean {
    const accept = (node: number): boolean => ((this.kindAt.get(node) ?? 0) & KIND_BIT.sports) !== 0;
    let n = 0;
    for (const span of found) if (span.source === 'lexicon' && !span.needsSupport && span.entity?.subtype === 'club' && ++n >= 2) return true;
    let score = false;
    for (let i = 0; i < t.count && n < 2; i++) {
      if (t.kind[i] === Kind.Word && longestMatch(this.triggers, t, i, i + 1, accept, this.match, 'keepArticle').node >= 0) n++;
      else if (!score && isScore(t, i)) {
        score = true;
        n++;
      }
    }
    return n >= 2;
  }

  /**
   * In a sports text, a club named by a word and its city (ستيوا بوخارست، أسيك أبيدجان، فيردر
   * بريمن): an unknown word right before a city the lexicon found makes one organisation. A city
   * the text describes as a club is one: with a masculine nationality adjective (ليون الفرنسي —
   * the city is feminine, ليون الفرنسية), or with its country in brackets, as in a table of
   * results (ليون ( فرنسا ) 3 - 0).
   */
  clubs(t: TokenTable, skip: Uint8Array, found: Span[], spanAt: Int32Array, out: Span[]): void {
    this.everydayClubs(t, found);
    // `found` and `out` may be one array: a city read as a club is replaced in place.
    const taken = new Uint8Array(t.count);
    for (const span of found) for (let i = span.first; i < span.last; i++) taken[i] = 1;
    for (let c = 0, n = found.length; c < n; c++) {
      const city = found[c]!;
      if (city.source !== 'lexicon' || city.type !== 'LOCATION' || city.entity?.subtype !== 'city') continue;
      const k = city.first - 1;
      // The word before may be a town the lexicon only half believes (فيردر): the club wins.
      const before = k >= 0 && spanAt[k]! >= 0 ? found[spanAt[k]!]! : undefined;
      const named =
        !city.needsSupport &&
        k >= 0 &&
        (!before || (before.needsSupport && before.type === 'LOCATION')) &&
        !(taken[k] && !before) &&
        !skip[k] &&
        !(t.flags[city.first]! & FLAG_LINE_BREAK) &&
        this.isNameLike(t, k);
      if (named) out.push(this.span(t, k, city.last, t.start[k]!, 'ORGANIZATION'));
      else if (this.describedAsClub(t, city.last, found, spanAt) && !this.retype(city, 'ORGANIZATION')) {
        found[c] = this.span(t, city.first, city.last, city.start, 'ORGANIZATION'); // a club the lexicon lacks
      }
    }
  }

  /**
   * In a sports text, clubs whose names are everyday words (الهلال، الشباب، التعاون) are the clubs
   * where a match joins them: two clubs with at most three words of a match report between them
   * (تعادل الشباب مع الفتح، تغلب الهلال على ضيفه الاتحاد), a club and its score (الاتحاد 3 - 0),
   * or a club after a noun of its players, goal or fans (لاعب العربي، مرمى الشمال).
   * A club found so is that club elsewhere in the text too. Not behind ب or ك (بالنصر is «with
   * victory»); the same words in other company keep their everyday sense (وزير الشباب، الوحدة
   * الوطنية).
   */
  private everydayClubs(t: TokenTable, found: readonly Span[]): void {
    const clubs = found.filter((s) => s.source === 'lexicon' && s.alternatives.some((a) => a.entity.subtype === 'club')).sort((a, b) => a.first - b.first);
    const chosen = new Map<string, Entity>(); // club id → entity, for the clubs a match named
    const choose = (span: Span): void => {
      if (!span.needsSupport || isBehindPreposition(t, span)) return;
      if (this.retype(span, 'ORGANIZATION', 'club') && span.entity) chosen.set(span.entity.id, span.entity);
    };
    for (let c = 0; c < clubs.length; c++) {
      const a = clubs[c]!;
      const b = clubs[c + 1];
      if (b && b.first >= a.last && b.first - a.last <= 3 && this.joinsMatch(t, a.last, b.first)) {
        choose(a);
        choose(b);
      } else if (isScore(t, a.last) || (a.first > 0 && this.isClubNoun(t, a.first - 1))) choose(a);
    }
    if (chosen.size === 0) return;
    for (const span of clubs) {
      const same = span.needsSupport && !isBehindPreposition(t, span) ? span.alternatives.find((a) => chosen.has(a.entity.id)) : undefined;
      if (!same) continue;
      span.entity = same.entity;
      span.type = 'ORGANIZATION';
      span.alternatives = [same];
      span.needsSupport = false;
    }
  }

  /** Token i is a noun a club's name follows in construct (لاعب، مرمى، لفريق), behind و ف ل at most. */
  private isClubNoun(t: TokenTable, i: number): boolean {
    if (t.kind[i] !== Kind.Word) return false;
    const s = t.start[i]!;
    const e = t.end[i]!;
    if (this.clubNouns.find(t.text, s, e, -1) >= 0) return true;
    const c = t.text.charCodeAt(s);
    return (c === WAW || c === FEH || c === LAM) && this.clubNouns.find(t.text, s + 1, e, -1) >= 0;
  }

  /** Tokens from … to-1 are words of a match report between two clubs (على ضيفه، مع، 2 - 1). */
  private joinsMatch(t: TokenTable, from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      if (!this.has(this.matchWords, t, i) && !isGoals(t, i) && !isCharToken(t, i, 0x2d)) return false;
    }
    return true;
  }

  /**
   * Token k, right after a city, describes it as a club: a definite masculine nationality
   * adjective (الفرنسي, not الفرنسية), or «( country )».
   */
  private describedAsClub(t: TokenTable, k: number, found: readonly Span[], spanAt: Int32Array): boolean {
    if (k >= t.count || t.flags[k]! & FLAG_LINE_BREAK) return false;
    if (t.kind[k] === Kind.Word) {
      const s = t.start[k]!;
      const e = t.end[k]!;
      return t.text.startsWith('ال', s) && t.text.charCodeAt(e - 1) === YEH && this.isDemonym(t, k);
    }
    if (k + 1 >= t.count || t.text.charCodeAt(t.start[k]!) !== 0x28 || spanAt[k + 1]! < 0) return false; // (
    const country = found[spanAt[k + 1]!]!;
    return country.type === 'LOCATION' && country.entity?.subtype === 'country' && country.last < t.count && t.text.charCodeAt(t.start[country.last]!) === 0x29; // )
  }

  /** Token i is a word of some person's name in the lexicon (محمد، نيكول، باشينيان). */
  isPersonToken(t: TokenTable, i: number): boolean {
    return this.isPersonWord(t.text, t.start[i]!, t.end[i]!);
  }

  /** `text[start, end)` is a word of some person's name in the lexicon. */
  isPersonWord(text: string, start: number, end: number): boolean {
    const id = this.gazetteer.vocab.find(text, start, end, -1);
    return id >= 0 && (this.gazetteer.vocabKinds[id]! & VOCAB_PERSON) !== 0;
  }

  /**
   * Token i is a trigger word that stays outside a name — a title, a place noun, a descriptor
   * (الرئيس، مدينة، وكالة) — or an organisation head that starts one (جامعة، حزب): `outside`
   * and `head` say which, and `place` whether it is a place noun.
   */
  triggerAt(t: TokenTable, i: number): { outside: boolean; head: boolean; place: boolean } {
    const m = longestMatch(this.triggers, t, i, i + 1, (node) => this.kindAt.has(node), this.match, 'keepArticle');
    const kinds = m.node >= 0 ? this.kindAt.get(m.node)! : 0;
    return {
      outside: (kinds & (KIND_BIT.title | KIND_BIT.place | KIND_BIT.outlet | KIND_BIT.descriptor | KIND_BIT.reporter)) !== 0,
      head: (kinds & KIND_BIT.head) !== 0,
      place: (kinds & KIND_BIT.place) !== 0,
    };
  }

  /**
   * Token i is an everyday word with a possessive pronoun attached (أراضينا «our lands»، حكومته
   * «his government»، حولنا «around us»): without the suffix (ت back to ة) it is an everyday word.
   * A definite word (البصره) or a known name word (سلامه) is not one.
   */
  isPossessedNoun(t: TokenTable, i: number): boolean {
    return !this.isPersonToken(t, i) && this.endsInPossessive(t, i);
  }

  /** {@link isPossessedNoun} without the person-token check, for callers that made it already. */
  private endsInPossessive(t: TokenTable, i: number): boolean {
    const s = t.start[i]!;
    const e = t.end[i]!;
    if (t.kind[i] !== Kind.Word || t.text.startsWith('ال', s)) return false;
    for (const suffix of PRONOUN_SUFFIXES) {
      const stem = e - suffix.length;
      if (stem - s < 3 || !t.text.endsWith(suffix, e)) continue;
      if (this.common.find(t.text, s, stem, -1) >= 0) return true;
      if (t.text.charCodeAt(stem - 1) === TEH && this.common.find(`${t.text.slice(s, stem - 1)}ه`, 0, stem - s, -1) >= 0) return true; // حكومت → حكومه
    }
    return false;
  }

  /** Token i is an everyday word. */
  isCommon(t: TokenTable, i: number): boolean {
    return this.has(this.common, t, i);
  }

  /** `text[start, end)` (normalised) is an everyday word. */
  isEverydayWord(text: string, start: number, end: number): boolean {
    return this.common.find(text, start, end, -1) >= 0;
  }

  /** A definite everyday word (الخارجية، العام) that is not a relative pronoun. */
  private isDefiniteCommon(t: TokenTable, i: number): boolean {
    const s = t.start[i]!;
    return t.kind[i] === Kind.Word && t.text.startsWith('ال', s) && t.end[i]! - s > 3 && !isFunctionWord(t, i) && !this.isDemonym(t, i);
  }

  /**
   * Token i is a definite everyday noun that is no title, place noun or nationality adjective: an
   * adjective after it agrees with it (السوق السعودية، المستشفى الميداني).
   */
  isDefiniteEverydayNoun(t: TokenTable, i: number): boolean {
    return this.isDefiniteCommon(t, i) && this.isCommon(t, i) && !this.triggerAt(t, i).outside;
  }

  private isNisbaAdjective(t: TokenTable, i: number): boolean {
    const s = t.start[i]!;
    const e = t.end[i]!;
    if (t.kind[i] !== Kind.Word || !t.text.startsWith('ال', s) || e - s < 5) return false;
    const last = t.text.charCodeAt(e - 1);
    return last === 0x64a || (last === 0x647 && t.text.charCodeAt(e - 2) === 0x64a); // ي، ية (ة folded to ه)
  }

  /** Token i is a nationality adjective, maybe behind a proclitic (والأرمن، للروس). */
  isDemonym(t: TokenTable, i: number): boolean {
    const { nodeKinds } = this.gazetteer;
    const m = longestMatch(this.gazetteer, t, i, i + 1, (node) => (nodeKinds[node]! & NODE_DEMONYM) !== 0, this.probe, 'keepArticle');
    return m.node >= 0;
  }

  private has(table: StringTable, t: TokenTable, i: number): boolean {
    return table.find(t.text, t.start[i]!, t.end[i]!, -1) >= 0;
  }

  private span(t: TokenTable, first: number, last: number, start: number, type: EntityType): Span {
    const entity = this.link(t, first, last, type);
    return { first, last, start, end: t.end[last - 1]!, type, entity, alternatives: [], score: SCORE_RULE, source: 'rule', needsSupport: false };
  }

  /** The lexicon entity of this type whose spelling is exactly these tokens, if any. */
  private link(t: TokenTable, first: number, last: number, type: EntityType): Entity | null {
    const { trie, nodeKinds, entries, priors } = this.gazetteer;
    const m = longestMatch(this.gazetteer, t, first, last, (node) => (nodeKinds[node]! & NODE_NAME) !== 0, this.probe, 'whole');
    if (m.node < 0 || m.last !== last) return null;
    let best: Entity | null = null;
    let bestPrior = -1;
    for (let v = 0; v < trie.valueCount(m.node); v++) {
      const value = trie.value(m.node, v);
      const e = value & 0xffffff;
      if ((value >>> 24) & VALUE_DEMONYM || entries[e]!.type !== type) continue;
      if (priors[e]! > bestPrior) {
        bestPrior = priors[e]!;
        best = this.gazetteer.entity(e);
      }
    }
    return best;
  }
}

/** Token i cannot be part of a name that started before it: a line break or punctuation. */
function endsName(t: TokenTable, i: number): boolean {
  return (t.flags[i]! & FLAG_LINE_BREAK) !== 0 || t.kind[i] === Kind.Punctuation;
}

/** The preposition ل written apart from what follows (لـ before a quote, its tatweel removed). */
function isDetachedLam(t: TokenTable, i: number): boolean {
  return t.kind[i] === Kind.Word && t.end[i]! - t.start[i]! === 1 && t.text.charCodeAt(t.start[i]!) === LAM;
}

/** A dash token: - – —. */
function isDashToken(t: TokenTable, i: number): boolean {
  return isCharToken(t, i, 0x2d) || isCharToken(t, i, 0x2013) || isCharToken(t, i, 0x2014);
}

/** » " ” after a quoted name. */
function isClosingQuote(t: TokenTable, i: number): boolean {
  return isCharToken(t, i, 0xbb) || isCharToken(t, i, 0x22) || isCharToken(t, i, 0x201d);
}

/** « " “ before a quoted name. */
function isOpeningQuote(t: TokenTable, i: number): boolean {
  return isCharToken(t, i, 0xab) || isCharToken(t, i, 0x22) || isCharToken(t, i, 0x201c);
}

/**
 * Token i is a definite word behind the preposition ل or ب, maybe after و/ف: للأبحاث (ل + ال with
 * the alef dropped), بالقاهرة، وللطبع. Only before the article: بلال and لبنان are words of their own.
 */
function hasPreposition(t: TokenTable, i: number): boolean {
  if (t.kind[i] !== Kind.Word || t.stems[i] === 0) return false;
  let s = t.start[i]!;
  const e = t.end[i]!;
  let c = t.text.charCodeAt(s);
  if ((c === 0x648 || c === 0x641) && e - s > 4) c = t.text.charCodeAt(++s); // و ف
  if (e - s < 4) return false;
  const c1 = t.text.charCodeAt(s + 1);
  const c2 = t.text.charCodeAt(s + 2);
  if (c === 0x644) return c1 === 0x644; // لل: ل + ال
  return c === 0x628 && c1 === 0x627 && c2 === 0x644; // بال
}

function isBism(t: TokenTable, i: number): boolean {
  return t.end[i]! - t.start[i]! === 4 && t.text.startsWith('باسم', t.start[i]!);
}

function skipColon(t: TokenTable, k: number): number {
  return k < t.count && t.kind[k] === Kind.Punctuation && t.text.charCodeAt(t.start[k]!) === 0x3a ? k + 1 : k;
}

/** Token i is a number of goals: one or two digits, or صفر. */
function isGoals(t: TokenTable, i: number): boolean {
  const len = t.end[i]! - t.start[i]!;
  if (t.kind[i] === Kind.Number) return len <= 2;
  return t.kind[i] === Kind.Word && len === 3 && t.text.startsWith('صفر', t.start[i]!);
}

/** The span's word carries ب or ك before the name (بالنصر). */
function isBehindPreposition(t: TokenTable, span: Span): boolean {
  for (let j = t.start[span.first]!; j < span.start; j++) {
    const c = t.text.charCodeAt(j);
    if (c === BEH || c === KAF) return true;
  }
  return false;
}

/** Tokens i … i+2 are a score: 3 - 0, 1 - صفر. */
function isScore(t: TokenTable, i: number): boolean {
  return i + 2 < t.count && isGoals(t, i) && isCharToken(t, i + 1, 0x2d) && isGoals(t, i + 2);
}

/** Token i is علي with no clitic (the name Ali, or the preposition على spelled with yeh). */
function isAli(t: TokenTable, i: number): boolean {
  return t.kind[i] === Kind.Word && t.end[i]! - t.start[i]! === 3 && t.text.startsWith('علي', t.start[i]!);
}

/** Token i is shaped like a family name: ال + four letters or more + ي (الحارثي، العتيبي). */
function isFamilyName(t: TokenTable, i: number): boolean {
  const s = t.start[i]!;
  const e = t.end[i]!;
  return e - s >= 7 && t.text.startsWith('ال', s) && t.text.charCodeAt(e - 1) === YEH;
}

/** Token i is a definite sound masculine plural in the nominative: ال … ون (المحتجون). */
function isNominativePlural(t: TokenTable, i: number): boolean {
  const s = t.start[i]!;
  const e = t.end[i]!;
  return t.kind[i] === Kind.Word && e - s >= 6 && t.text.startsWith('ال', s) && t.text.endsWith('ون', e);
}

