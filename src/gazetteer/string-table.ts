/**
 * An interning table of strings that is searched by a range of another string's code units, so
 * the matcher looks tokens up without slicing them out (no allocation per token).
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over `prefix` (a code unit, or -1 for none) then `text[start, end)`. */
export function hashRange(text: string, start: number, end: number, prefix: number): number {
  let h = FNV_OFFSET;
  if (prefix >= 0) h = Math.imul(h ^ prefix, FNV_PRIME);
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

export class StringTable {
  private readonly strings: string[] = [];
  private slots = new Int32Array(1024); // id + 1; 0 = empty
  private mask = 1023;

  get size(): number {
    return this.strings.length;
  }

  /** The string with this id. */
  get(id: number): string {
    return this.strings[id]!;
  }

  /** Every string, by id. */
  all(): readonly string[] {
    return this.strings;
  }

  /** A table of distinct strings, each with its index as id (the inverse of {@link all}). */
  static from(strings: readonly string[]): StringTable {
    const table = new StringTable();
    let capacity = 1024;
    while (capacity < strings.length * 2 + 2) capacity *= 2;
    table.slots = new Int32Array(capacity);
    table.mask = capacity - 1;
    strings.forEach((s, id) => {
      table.strings.push(s);
      table.place(id, hashRange(s, 0, s.length, -1));
    });
    return table;
  }

  /** The id of `s`, adding it if new. */
  intern(s: string): number {
    const found = this.find(s, 0, s.length, -1);
    if (found >= 0) return found;
    if ((this.strings.length + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    const id = this.strings.length;
    this.strings.push(s);
    this.place(id, hashRange(s, 0, s.length, -1));
    return id;
  }

  /** The id of `prefix + text[start, end)`, or -1 (`prefix` a code unit, -1 for none). */
  find(text: string, start: number, end: number, prefix: number): number {
    const len = end - start + (prefix >= 0 ? 1 : 0);
    let slot = hashRange(text, start, end, prefix) & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      const s = this.strings[entry - 1]!;
      if (s.length === len && equalsRange(s, text, start, end, prefix)) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  private place(id: number, hash: number): void {
    let slot = hash & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = id + 1;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.strings.forEach((s, id) => this.place(id, hashRange(s, 0, s.length, -1)));
  }
}

function equalsRange(s: string, text: string, start: number, end: number, prefix: number): boolean {
  let k = 0;
  if (prefix >= 0) {
    if (s.charCodeAt(0) !== prefix) return false;
    k = 1;
  }
  for (let i = start; i < end; i++, k++) if (s.charCodeAt(k) !== text.charCodeAt(i)) return false;
  return true;
}
