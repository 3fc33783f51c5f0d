/**
 * Output formats of `kashif extract`. Each document is formatted on its own (in a worker, for
 * folders), so the formats are pure functions of one document; `table` and the page frame of
 * `html` are put together by the main thread.
 */
import { normalize, tokenize, type EntityType, type Mention } from '../index.js';
import { htmlSection } from './html.js';

export const FORMATS = ['jsonl', 'json', 'conll', 'brat', 'html', 'table'] as const;
export type Format = (typeof FORMATS)[number];

/** One document and its mentions, as the formats see it. */
export interface Document {
  /** The input's name as shown (`-` for standard input). */
  readonly name: string;
  readonly text: string;
  readonly mentions: readonly Mention[];
}

/** What `table` keeps of a mention: enough to group by entity. */
export interface TableMention {
  readonly type: EntityType;
  readonly entity: string | null;
  readonly name: string;
  readonly text: string;
  /** The grouping key of an unlinked mention: its normalised text. */
  readonly key: string;
}

/**
 * The text one document contributes to the output (for `table`, nothing: see {@link tableMentions}).
 * `index` is the document's position in the run, `many` whether the run has more than one.
 */
export function formatDocument(format: Format, doc: Document, index: number, many: boolean): string {
  switch (format) {
    case 'jsonl':
      return doc.mentions.map((m) => `${JSON.stringify(jsonlRecord(doc.name, m))}\n`).join('');
    case 'json':
      return JSON.stringify({ file: doc.name, mentions: doc.mentions.map(jsonMention) });
    case 'conll':
      return conll(doc, many);
    case 'brat':
      return brat(doc);
    case 'html':
      return htmlSection(doc, index);
    case 'table':
      return '';
  }
}

/** A mention with its entity, less the entity's list of spellings. */
function jsonMention(m: Mention): object {
  const entity = m.entity && { ...m.entity, variants: undefined };
  return { start: m.start, end: m.end, text: m.text, type: m.type, entity, score: m.score, source: m.source };
}

function jsonlRecord(file: string, m: Mention): object {
  return {
    file,
    start: m.start,
    end: m.end,
    text: m.text,
    type: m.type,
    entity: m.entity?.id ?? null,
    name: m.entity ? m.entity.name : null,
    ...(m.entity?.wikidata ? { wikidata: m.entity.wikidata } : {}),
    score: m.score,
    source: m.source,
  };
}

const CONLL_TAG: Record<EntityType, string> = { PERSON: 'PER', LOCATION: 'LOC', ORGANIZATION: 'ORG' };
const SENTENCE_END = new Set(['.', '!', '?', '؟', '…', '۔']);

/**
 * CoNLL: one `token<TAB>tag` line per token (BIO over PER/LOC/ORG), a blank line between
 * sentences, `-DOCSTART-` before each document when there are several. A token takes the type of
 * the mention that overlaps it, so `وأذربيجان` is B-LOC although the mention leaves out و.
 */
function conll(doc: Document, many: boolean): string {
  const lines: string[] = many ? ['-DOCSTART-\tO', ''] : [];
  const { text, mentions } = doc;
  let m = 0;
  let lastMention = -1;
  let previousEnd = 0;
  let sentenceOpen = false;
  for (const token of tokenize(text)) {
    if (sentenceOpen && /[\n\r\u2028\u2029]/.test(text.slice(previousEnd, token.start))) {
      lines.push('');
      sentenceOpen = false;
    }
    while (m < mentions.length && mentions[m]!.end <= token.start) m++;
    const mention = mentions[m];
    let tag = 'O';
    if (mention && mention.start < token.end) {
      tag = `${m === lastMention ? 'I' : 'B'}-${CONLL_TAG[mention.type]}`;
      lastMention = m;
    }
    lines.push(`${token.text}\t${tag}`);
    sentenceOpen = true;
    previousEnd = token.end;
    if (SENTENCE_END.has(token.text)) {
      lines.push('');
      sentenceOpen = false;
    }
  }
  if (sentenceOpen) lines.push('');
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/**
 * brat standoff (`.ann`): `T` lines with offsets in code points (brat counts characters, not
 * UTF-16 units), split into fragments at line breaks; the kashif id as an `AnnotatorNotes` line
 * and the Wikidata id as a `Reference` normalisation.
 */
function brat(doc: Document): string {
  const out: string[] = [];
  const points = codePointOffsets(doc.text);
  doc.mentions.forEach((m, i) => {
    const id = i + 1;
    const fragments: string[] = [];
    const texts: string[] = [];
    const re = /[^\n\r\u2028\u2029]+/g;
    for (const part of m.text.matchAll(re)) {
      const start = m.start + part.index;
      fragments.push(`${points(start)} ${points(start + part[0].length)}`);
      texts.push(part[0]);
    }
    out.push(`T${id}\t${m.type} ${fragments.join(';')}\t${texts.join(' ')}`);
    if (m.entity) {
      out.push(`#${id}\tAnnotatorNotes T${id}\t${m.entity.id} ${m.entity.name.en || m.entity.name.ar}`);
      if (m.entity.wikidata) out.push(`N${id}\tReference T${id} Wikidata:${m.entity.wikidata}\t${m.entity.name.en || m.entity.name.ar}`);
    }
  });
  return out.length ? `${out.join('\n')}\n` : '';
}

/** UTF-16 offset → code-point offset, for offsets visited in increasing order. */
function codePointOffsets(text: string): (utf16: number) => number {
  let unit = 0;
  let point = 0;
  return (utf16) => {
    if (utf16 < unit) {
      unit = 0;
      point = 0;
    }
    while (unit < utf16) {
      const c = text.charCodeAt(unit);
      unit += c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length && (text.charCodeAt(unit + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      point++;
    }
    return point;
  };
}

/** What `table` keeps of each mention of a document. */
export function tableMentions(doc: Document): TableMention[] {
  return doc.mentions.map((m) => ({
    type: m.type,
    entity: m.entity?.id ?? null,
    name: m.entity ? m.entity.name.en || m.entity.name.ar : '',
    text: m.text,
    key: m.entity ? m.entity.id : `${m.type}:${normalize(m.text).text}`,
  }));
}

interface TableRow {
  readonly type: EntityType;
  readonly entity: string | null;
  readonly name: string;
  count: number;
  readonly spellings: Map<string, number>;
  readonly files: Set<number>;
}

/** Groups mentions by entity (unlinked ones by their normalised text), across documents. */
export class EntityTable {
  private readonly rows = new Map<string, TableRow>();
  private documents = 0;

  add(mentions: readonly TableMention[]): void {
    const doc = this.documents++;
    for (const m of mentions) {
      let row = this.rows.get(m.key);
      if (!row) {
        row = { type: m.type, entity: m.entity, name: m.name, count: 0, spellings: new Map(), files: new Set() };
        this.rows.set(m.key, row);
      }
      row.count++;
      row.spellings.set(m.text, (row.spellings.get(m.text) ?? 0) + 1);
      row.files.add(doc);
    }
  }

  /** Most mentioned first (ties by type, then name); columns aligned. */
  format(): string {
    const rows = [...this.rows.values()].sort(
      (a, b) => b.count - a.count || a.type.localeCompare(b.type) || (a.entity ?? '~').localeCompare(b.entity ?? '~') || firstSpelling(a).localeCompare(firstSpelling(b)),
    );
    const header = ['count', ...(this.documents > 1 ? ['files'] : []), 'type', 'entity', 'name', 'spellings'];
    const body = rows.map((r) => [
      String(r.count),
      ...(this.documents > 1 ? [String(r.files.size)] : []),
      r.type,
      r.entity ?? '—',
      r.name || '—',
      [...r.spellings].sort((a, b) => b[1] - a[1]).map(([s, n]) => (r.spellings.size > 1 ? `${s} (${n})` : s)).join(' · '),
    ]);
    const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c]!.length)));
    const line = (cells: string[]): string => cells.map((cell, c) => (c === cells.length - 1 ? cell : c === 0 || (c === 1 && this.documents > 1) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
    return `${[line(header), ...body.map(line)].join('\n')}\n${rows.length} entities, ${body.reduce((n, r) => n + Number(r[0]), 0)} mentions in ${this.documents} document${this.documents === 1 ? '' : 's'}\n`;
  }
}

function firstSpelling(row: TableRow): string {
  return row.spellings.keys().next().value ?? '';
}
