/**
 * National institutions as patterns: a head (وزارة الدفاع، الجيش، الحكومة) with the nationality
 * adjective that says whose it is (وزارة الدفاع الأذربيجانية), or a place in construct (حكومة
 * أرمينيا), or — for heads that are names on their own — nothing (وزارة الدفاع), linked through a
 * following «في + place» (وزارة الدفاع في باكو) or later by the document.
 */
import { describe } from '../errors.js';
import { lookupIndex } from '../gazetteer/gazetteer.js';
import { NODE_DEMONYM, NODE_NAME, VALUE_DEMONYM, type GazetteerIndex } from '../gazetteer/index-build.js';
import { LexiconError, parseJsonLines } from '../gazetteer/lexicon.js';
import { StringTable } from '../gazetteer/string-table.js';
import { TokenTrie } from '../gazetteer/token-trie.js';
import { HEH, YEH } from '../tokenize/letters.js';
import { Kind, type TokenTable } from '../tokenize/scan.js';
import type { Entity } from '../types.js';
import type { Span } from './span.js';
import { addPhrase, longestMatch, type Match, type TokenIndex } from './walk.js';

/** One institution pattern (a line of `lexicons/institutions.jsonl`). */
export interface InstitutionPattern {
  /** Pattern id; an instance's id is `${id}_${place id}` (`ministry_of_defence_azerbaijan`). */
  readonly id: string;
  readonly subtype: string;
  readonly name: { readonly ar: string; readonly en: string };
  /** Forms that are a mention on their own (وزارة الدفاع). */
  readonly standalone?: readonly string[];
  /** Forms that are a mention only with a nationality adjective (الجيش الأذربيجاني). */
  readonly qualified?: readonly string[];
  /** Forms followed by a place name in construct (حكومة أرمينيا، جيش ناغورنو كاراباخ). */
  readonly construct?: readonly string[];
}

const FORM_STANDALONE = 1;
const FORM_QUALIFIED = 2;
const FORM_CONSTRUCT = 4;

/** Parses the institutions JSONL (errors name file:line). */
export function parseInstitutions(jsonl: string, file: string): InstitutionPattern[] {
  return parseJsonLines(jsonl, file, (value, line) => {
    const o = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const name = o.name as { ar?: unknown; en?: unknown } | undefined;
    if (typeof o.id !== 'string' || typeof o.subtype !== 'string' || typeof name?.ar !== 'string' || typeof name.en !== 'string') {
      throw new LexiconError(file, line, `expected "id", "subtype" and "name": { "ar", "en" } as strings, got ${describe(value)}`);
    }
    for (const key of ['standalone', 'qualified', 'construct']) {
      const list = o[key];
      if (list !== undefined && (!Array.isArray(list) || list.some((v) => typeof v !== 'string'))) {
        throw new LexiconError(file, line, `expected "${key}" to be an array of strings`);
      }
    }
    return o as unknown as InstitutionPattern;
  });
}

/** The institution patterns compiled for matching against one gazetteer. */
export class InstitutionMatcher {
  private readonly index: TokenIndex = { vocab: new StringTable(), trie: new TokenTrie() };
  private readonly forms = new Map<number, number>(); // trie node → FORM_* bits
  private readonly patternOf = new Map<number, InstitutionPattern>();
  private readonly instances = new Map<string, Entity>();
  private readonly countries: ReadonlyMap<string, Entity>;
  private readonly match: Match = { node: -1, last: 0, start: 0 };
  private readonly placeMatch: Match = { node: -1, last: 0, start: 0 };
  private readonly titles: TokenIndex = { vocab: new StringTable(), trie: new TokenTrie() };
  private readonly titleMatch: Match = { node: -1, last: 0, start: 0 };

  constructor(
    readonly patterns: readonly InstitutionPattern[],
    private readonly gazetteer: GazetteerIndex,
  ) {
    for (const p of patterns) {
      const add = (forms: readonly string[] | undefined, kind: number): void => {
        for (const form of forms ?? []) {
          const node = addPhrase(this.index, form);
          if (node < 0) continue;
          this.forms.set(node, (this.forms.get(node) ?? 0) | kind);
          this.patternOf.set(node, p);
        }
      };
      add(p.standalone, FORM_STANDALONE);
      add(p.qualified, FORM_QUALIFIED);
      add(p.construct, FORM_CONSTRUCT);
    }
    this.index.trie.freeze();
    for (const title of TITLES_IN_CONSTRUCT) addPhrase(this.titles, title);
    this.titles.trie.freeze();
    const countries = new Map<string, Entity>();
    gazetteer.entries.forEach((entry, e) => {
      if (entry.type === 'LOCATION' && entry.subtype === 'country' && entry.country && !countries.has(entry.country)) {
        countries.set(entry.country, gazetteer.entity(e));
      }
    });
    this.countries = countries;
  }

  /** Whether `text[start, end)` is a word of an institution's name (وزارة، الدفاع). */
  knows(text: string, start: number, end: number): boolean {
    return this.index.vocab.find(text, start, end, -1) >= 0;
  }

  /** Candidate institution mentions in the token table. */
  find(t: TokenTable, skip: Uint8Array, out: Span[]): void {
    const accept = (node: number): boolean => this.forms.has(node);
    for (let i = 0; i < t.count; i++) {
      if (t.kind[i] !== Kind.Word || skip[i]) continue;
      const m = longestMatch(this.index, t, i, t.count, accept, this.match);
      if (m.node < 0 || (i > 0 && this.afterTitle(t, i - 1))) continue;
      const forms = this.forms.get(m.node)!;
      const pattern = this.patternOf.get(m.node)!;
      const headEnd = m.last;
      const start = m.start;
      let span: Span | null = null;
      // Head + nationality adjective: وزارة الدفاع الأذربيجانية، الجيش الأذري.
      if (forms & (FORM_STANDALONE | FORM_QUALIFIED) && headEnd < t.count && !skip[headEnd]) {
        const place = this.demonymAt(t, headEnd);
        if (place && agrees(t, headEnd - 1, headEnd)) span = this.span(t, i, headEnd + 1, start, pattern, place, 0.9);
      }
      // Head in construct with a place: حكومة أرمينيا، وزارة خارجية آرتساخ.
      if (!span && forms & FORM_CONSTRUCT && headEnd < t.count && !skip[headEnd]) {
        const place = this.placeAt(t, headEnd);
        if (place) span = this.span(t, i, this.placeMatch.last, start, pattern, place, 0.9);
      }
      // A head that is a name on its own: وزارة الدفاع (في باكو).
      if (!span && forms & FORM_STANDALONE) {
        let place: Entity | null = null;
        if (headEnd + 1 < t.count && isFi(t, headEnd)) {
          const where = this.placeAt(t, headEnd + 1);
          if (where) place = this.countryOf(where);
        }
        span = this.span(t, i, headEnd, start, pattern, place, 0.85);
      }
      if (span) {
        out.push(span);
        i = span.last - 1;
      }
    }
  }

  /** Token i is a title in construct (وزير الدفاع الأذربيجاني is a person's title, not the ministry). */
  private afterTitle(t: TokenTable, i: number): boolean {
    return t.kind[i] === Kind.Word && longestMatch(this.titles, t, i, i + 1, () => true, this.titleMatch).node >= 0;
  }

  /** The place whose nationality adjective is token `i` (whole token, article included), if any. */
  demonymAt(t: TokenTable, i: number): Entity | null {
    const { vocab, trie, nodeKinds, priors } = this.gazetteer;
    const node = trie.child(0, vocab.find(t.text, t.start[i]!, t.end[i]!, -1));
    if (node < 0 || (nodeKinds[node]! & NODE_DEMONYM) === 0) return null;
    let best: Entity | null = null;
    let bestPrior = -1;
    for (let v = 0; v < trie.valueCount(node); v++) {
      const value = trie.value(node, v);
      if (((value >>> 24) & VALUE_DEMONYM) === 0) continue;
      const e = value & 0xffffff;
      if (priors[e]! > bestPrior) {
        bestPrior = priors[e]!;
        best = this.gazetteer.entity(e);
      }
    }
    return best;
  }

  /** The place named from token `i` on (whole tokens), if any; its end is in `placeMatch.last`. */
  private placeAt(t: TokenTable, i: number): Entity | null {
    const { trie, nodeKinds, entries, priors } = this.gazetteer;
    const accept = (node: number): boolean => (nodeKinds[node]! & NODE_NAME) !== 0;
    const m = longestMatch(this.gazetteer, t, i, t.count, accept, this.placeMatch, 'whole');
    if (m.node < 0) return null;
    let best: Entity | null = null;
    let bestPrior = -1;
    for (let v = 0; v < trie.valueCount(m.node); v++) {
      const value = trie.value(m.node, v);
      const e = value & 0xffffff;
      if (entries[e]!.type !== 'LOCATION' || (value >>> 24) & VALUE_DEMONYM) continue;
      if (priors[e]! > bestPrior) {
        bestPrior = priors[e]!;
        best = this.gazetteer.entity(e);
      }
    }
    return best;
  }

  /** A city stands for its country; a country, territory or region for itself. */
  private countryOf(place: Entity): Entity {
    if (place.subtype === 'city' || place.subtype === 'admin1') return (place.country && this.countries.get(place.country)) || place;
    return place;
  }

  private span(t: TokenTable, first: number, last: number, start: number, pattern: InstitutionPattern, place: Entity | null, score: number): Span {
    return {
      first,
      last,
      start,
      end: t.end[last - 1]!,
      type: 'ORGANIZATION',
      entity: place ? this.instance(pattern, place) : null,
      alternatives: [],
      score,
      source: 'pattern',
      needsSupport: false,
      ...(place ? {} : { institution: pattern.id }),
    };
  }

  /**
   * The entity of `pattern` for `place`: the lexicon's own entity where it names that body in
   * construct (جيش ناغورنو كاراباخ → the curated Artsakh Defence Army), else one made here once
   * and shared (frozen): `${pattern.id}_${place.id}`.
   */
  instance(pattern: InstitutionPattern, place: Entity): Entity {
    const id = `${pattern.id}_${place.id}`;
    let entity = this.instances.get(id);
    if (!entity) {
      entity = this.curated(pattern, place) ?? Object.freeze({
        id,
        type: 'ORGANIZATION' as const,
        subtype: pattern.subtype,
        name: Object.freeze({ ar: `${pattern.name.ar} (${place.name.ar})`, en: `${pattern.name.en} of ${place.name.en}` }),
        variants: Object.freeze([]),
        ...(place.country ? { country: place.country } : {}),
      });
      this.instances.set(id, entity);
    }
    return entity;
  }

  private curated(pattern: InstitutionPattern, place: Entity): Entity | undefined {
    for (const form of pattern.construct ?? []) {
      for (const variant of place.variants) {
        const hit = lookupIndex(this.gazetteer, `${form} ${variant}`, false).find((c) => c.entity.type === 'ORGANIZATION');
        if (hit) return hit.entity;
      }
    }
    return undefined;
  }

  /** The pattern with this id. */
  pattern(id: string): InstitutionPattern | undefined {
    return this.patterns.find((p) => p.id === id);
  }
}

const FI = 'في';

/**
 * The nationality adjective at token `adjective` can describe the head word at `head`: a feminine
 * head (ending in ة) takes a feminine adjective. In وزير الشؤون الخارجية الفرنسي the masculine
 * adjective describes the minister, and الخارجية الفرنسي is no ministry.
 */
function agrees(t: TokenTable, head: number, adjective: number): boolean {
  return t.text.charCodeAt(t.end[head]! - 1) !== HEH || t.text.charCodeAt(t.end[adjective]! - 1) !== YEH;
}

/** Nouns that make a following institution a person's title (وزير الخارجية الأمريكي). */
const TITLES_IN_CONSTRUCT = ['وزير', 'وزيرة', 'نائب', 'مدير', 'مديرة', 'رئيس', 'رئيسة', 'سفير', 'سفيرة', 'مساعد', 'مساعدة', 'متحدث', 'متحدثة', 'ناطق', 'مستشار', 'قائد', 'أمين', 'مسؤول', 'مسؤولة', 'موظف', 'مبعوث', 'ممثل', 'مندوب', 'وكيل', 'قائم بأعمال'];

/** Token i is the preposition في «in» (فى in Egyptian spelling, normalised to في). */
export function isFi(t: TokenTable, i: number): boolean {
  return t.end[i]! - t.start[i]! === 2 && t.text.startsWith(FI, t.start[i]!);
}
