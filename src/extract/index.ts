export { extract, createExtractor, type Extractor, type ExtractOptions, type ExtractorOptions } from './extract.js';
