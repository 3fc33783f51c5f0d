export { normalize, type NormalizedText, type NormalizeOptions, type Span } from './normalize/index.js';
export { tokenize, languageSegments, type Token, type TokenKind, type LanguageSegment } from './tokenize/index.js';
