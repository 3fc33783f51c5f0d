export { tokenize, type Token, type TokenKind } from './tokenize.js';
export { languageSegments, type LanguageSegment } from './segments.js';
