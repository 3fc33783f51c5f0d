export { extract, createExtractor, type Extractor, type ExtractOptions, type ExtractorOptions } from './extract/index.js';
export { Gazetteer, parseLexicon, LexiconError, spellingVariants, type Candidate, type LexiconEntry, type VariantOptions } from './gazetteer/index.js';
export type { InstitutionPattern } from './match/institutions.js';
export { normalize, type NormalizedText, type NormalizeOptions, type Span } from './normalize/index.js';
export { tokenize, languageSegments, type Token, type TokenKind, type LanguageSegment } from './tokenize/index.js';
export type { Entity, EntityType, Mention, MentionSource } from './types.js';
export { evaluate, parseGold, type Evaluation, type GoldDocument, type GoldMention, type Prf } from './evaluate.js';
