export { normalize, type NormalizedText, type Span } from './normalize.js';
export type { NormalizeOptions } from './char-map.js';
