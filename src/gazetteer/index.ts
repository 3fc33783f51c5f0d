export { Gazetteer, type Candidate } from './gazetteer.js';
export { parseLexicon, LexiconError, type LexiconEntry } from './lexicon.js';
export { spellingVariants, type VariantOptions } from './variants.js';
export { inflectDemonym } from './demonyms.js';
