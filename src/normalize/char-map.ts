/**
 * The normaliser's character rules as data, and the one small engine that compiles them into
 * a lookup table. Each rule is a named, orthogonal step that can be switched off.
 */

/** Options of {@link normalize}: every rule is on by default; pass `false` to keep that detail. */
export interface NormalizeOptions {
  /** Remove tashkeel U+064B–U+065F, superscript alef U+0670 and Quranic marks U+06D6–U+06ED. */
  readonly stripDiacritics?: boolean;
  /** Remove tatweel U+0640 (كـــاراباخ → كاراباخ). */
  readonly stripTatweel?: boolean;
  /** Fold أ إ آ ٱ to bare alef ا. */
  readonly foldAlef?: boolean;
  /** Fold alef maksura ى to yeh ي. */
  readonly foldAlefMaksura?: boolean;
  /** Fold teh marbuta ة to heh ه. */
  readonly foldTehMarbuta?: boolean;
  /** Fold Persian and Urdu letters to their Arabic counterparts (ک → ك, ی → ي, ۀ → ه, ڤ → ف, پ → ب, چ → ج, ژ → ز, گ → ك). */
  readonly foldPersianLetters?: boolean;
  /**
   * Fold presentation forms U+FB50–U+FDFF and U+FE70–U+FEFF to base letters (ﻻ → لا, ﷲ → الله).
   * Ligatures of whole phrases (ﷺ) are left as they are.
   */
  readonly foldPresentationForms?: boolean;
  /** Turn Arabic-Indic (٠–٩) and Extended Arabic-Indic (۰–۹) digits into ASCII digits. */
  readonly foldDigits?: boolean;
  /** Remove zero-width and bidi controls U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF. */
  readonly stripFormatControls?: boolean;
}

/** The rule names, in a fixed order (the bit of each rule in a profile key). */
export const RULES = [
  'stripDiacritics',
  'stripTatweel',
  'foldAlef',
  'foldAlefMaksura',
  'foldTehMarbuta',
  'foldPersianLetters',
  'foldPresentationForms',
  'foldDigits',
  'stripFormatControls',
] as const satisfies readonly (keyof NormalizeOptions)[];

/** Inclusive code-point ranges of marks that are removed and belong to the letter before them. */
const DIACRITIC_RANGES: readonly (readonly [number, number])[] = [
  [0x064b, 0x065f], // tashkeel, including hamza above/below U+0654/U+0655 and madda U+0653
  [0x0670, 0x0670], // SUPERSCRIPT ALEF
  [0x06d6, 0x06ed], // Quranic annotation marks
];

/** Inclusive ranges of invisible format controls, removed without belonging to any letter. */
const FORMAT_CONTROL_RANGES: readonly (readonly [number, number])[] = [
  [0x200b, 0x200f], // ZERO WIDTH SPACE … RIGHT-TO-LEFT MARK (ZWNJ, ZWJ, LRM, RLM)
  [0x202a, 0x202e], // bidi embeddings and overrides
  [0x2066, 0x2069], // bidi isolates
  [0xfeff, 0xfeff], // ZERO WIDTH NO-BREAK SPACE (byte-order mark)
];

const TATWEEL = 0x0640;

/** Letter folds, as `from → to` pairs, one table per rule. */
const ALEF_FOLDS = {
  'أ': 'ا', // U+0623 ALEF WITH HAMZA ABOVE
  'إ': 'ا', // U+0625 ALEF WITH HAMZA BELOW
  'آ': 'ا', // U+0622 ALEF WITH MADDA ABOVE
  'ٱ': 'ا', // U+0671 ALEF WASLA
} as const;

const ALEF_MAKSURA_FOLDS = { 'ى': 'ي' } as const; // U+0649 → U+064A

const TEH_MARBUTA_FOLDS = { 'ة': 'ه' } as const; // U+0629 → U+0647

const PERSIAN_LETTER_FOLDS = {
  'ک': 'ك', // U+06A9 KEHEH
  'ی': 'ي', // U+06CC FARSI YEH
  'ې': 'ي', // U+06D0 E
  'ۍ': 'ي', // U+06CD YEH WITH TAIL
  'ێ': 'ي', // U+06CE YEH WITH SMALL V
  'ۀ': 'ه', // U+06C0 HEH WITH YEH ABOVE
  'ە': 'ه', // U+06D5 AE
  'ہ': 'ه', // U+06C1 HEH GOAL
  'ھ': 'ه', // U+06BE HEH DOACHASHMEE
  'ۃ': 'ه', // U+06C3 TEH MARBUTA GOAL (folded on to heh, like ة)
  'ڤ': 'ف', // U+06A4 VEH, used for v in foreign names (ڤلاديمير)
  'ڨ': 'ق', // U+06A8 QAF WITH THREE DOTS ABOVE, Maghrebi g
  'پ': 'ب', // U+067E PEH
  'چ': 'ج', // U+0686 TCHEH
  'ژ': 'ز', // U+0698 JEH
  'گ': 'ك', // U+06AF GAF
} as const;

/** Marker values in a compiled table (all other entries are the output code unit). */
export const DROP_MARK = -1; // removed; its source span joins the previous output character
export const DROP_CONTROL = -2; // removed; belongs to no output character
export const EXPAND = -3; // becomes several characters: see `CompiledProfile.expansions`

/** A profile compiled to a table: one Int32 per UTF-16 code unit. */
export interface CompiledProfile {
  readonly table: Int32Array;
  readonly expansions: ReadonlyMap<number, string>;
}

/** Resolves a profile's switches: every rule defaults to on. */
export function profileKey(options: NormalizeOptions | undefined): number {
  let key = 0;
  RULES.forEach((rule, bit) => {
    if (options?.[rule] !== false) key |= 1 << bit;
  });
  return key;
}

const enabled = (key: number, rule: (typeof RULES)[number]): boolean => (key & (1 << RULES.indexOf(rule))) !== 0;

function compile(key: number): CompiledProfile {
  const table = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  const foldPairs = (pairs: Readonly<Record<string, string>>): void => {
    for (const [from, to] of Object.entries(pairs)) table[from.charCodeAt(0)] = to.charCodeAt(0);
  };
  if (enabled(key, 'foldAlef')) foldPairs(ALEF_FOLDS);
  if (enabled(key, 'foldAlefMaksura')) foldPairs(ALEF_MAKSURA_FOLDS);
  if (enabled(key, 'foldTehMarbuta')) foldPairs(TEH_MARBUTA_FOLDS);
  if (enabled(key, 'foldPersianLetters')) foldPairs(PERSIAN_LETTER_FOLDS);
  if (enabled(key, 'foldDigits')) {
    for (let d = 0; d < 10; d++) {
      table[0x0660 + d] = 0x30 + d; // ARABIC-INDIC DIGIT
      table[0x06f0 + d] = 0x30 + d; // EXTENDED ARABIC-INDIC DIGIT
    }
  }
  if (enabled(key, 'stripDiacritics')) {
    for (const [a, b] of DIACRITIC_RANGES) for (let c = a; c <= b; c++) table[c] = DROP_MARK;
  }
  if (enabled(key, 'stripTatweel')) table[TATWEEL] = DROP_MARK;

  // Presentation forms: their compatibility decomposition (NFKC) gives the base letters, which
  // then go through the rules above (ﺃ → أ → ا). Isolated forms of marks decompose to a space
  // plus the mark (ﹰ → " ً"): they are marks, not spaces.
  const expansions = new Map<number, string>();
  if (enabled(key, 'foldPresentationForms')) {
    const ranges: readonly (readonly [number, number])[] = [
      [0xfb50, 0xfdff],
      [0xfe70, 0xfefe],
    ];
    for (const [a, b] of ranges) {
      for (let c = a; c <= b; c++) {
        let base = String.fromCharCode(c).normalize('NFKC');
        if (base === String.fromCharCode(c)) continue; // unassigned or no decomposition
        if (base.length > 1 && base.charCodeAt(0) === 0x20) base = base.slice(1);
        // Phrase ligatures (ﷺ → صلى الله عليه وسلم) would put word breaks inside one source
        // character: they stay as they are, symbols rather than words.
        if (base.includes(' ')) continue;
        let out = '';
        for (let i = 0; i < base.length; i++) {
          const m = table[base.charCodeAt(i)] ?? 0;
          if (m >= 0) out += String.fromCharCode(m);
        }
        if (out.length === 0) table[c] = DROP_MARK;
        else if (out.length === 1) table[c] = out.charCodeAt(0);
        else {
          table[c] = EXPAND;
          expansions.set(c, out);
        }
      }
    }
  }
  if (enabled(key, 'stripFormatControls')) {
    for (const [a, b] of FORMAT_CONTROL_RANGES) for (let c = a; c <= b; c++) table[c] = DROP_CONTROL;
  }
  return { table, expansions };
}

const compiled = new Map<number, CompiledProfile>();

/** The compiled table of a profile, built once per distinct set of switches. */
export function compiledProfile(key: number): CompiledProfile {
  let profile = compiled.get(key);
  if (!profile) {
    profile = compile(key);
    compiled.set(key, profile);
  }
  return profile;
}
