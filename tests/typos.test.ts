import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { withinOneEdit } from '../src/match/typos.js';

describe('withinOneEdit', () => {
  it.each([
    { a: 'يريفان', b: 'بريفان', expected: true, why: 'one letter changed (a dot misplaced)' },
    { a: 'باشينيان', b: 'باشنيان', expected: true, why: 'one letter dropped' },
    { a: 'باشنيان', b: 'باشينيان', expected: true, why: 'one letter added' },
    { a: 'كاراباخ', b: 'كارابخا', expected: true, why: 'two neighbours swapped' },
    { a: 'كاراباخ', b: 'كاراباخ', expected: true, why: 'no edit at all' },
    { a: 'كاراباخ', b: 'كرابخ', expected: false, why: 'two letters dropped' },
    { a: 'يريفان', b: 'طهران', expected: false, why: 'another word' },
  ])('$why: $a / $b', ({ a, b, expected }) => {
    expect(withinOneEdit(a, 0, a.length, b, 0, b.length)).toBe(expected);
  });
});

describe('typos of names the document already names', () => {
  it('link to the name', () => {
    const mentions = extract('زار الوفد يريفان أمس، ثم عاد إلى بريفان اليوم');
    expect(mentions.map((m) => [m.text, m.entity?.id])).toEqual([
      ['يريفان', 'yerevan_am'],
      ['بريفان', 'yerevan_am'],
    ]);
  });

  it('do not make a name out of a word alone', () => {
    expect(extract('عاد إلى بريفان اليوم', { model: false })).toEqual([]);
  });
});
