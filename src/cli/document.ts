/** One document through `extract` and a format: the work a worker thread does for one file. */
import { extract, type EntityType } from '../index.js';
import { formatDocument, tableMentions, type Format, type TableMention } from './formats.js';
import { readText } from './inputs.js';

/** How every document of a run is extracted and formatted. */
export interface ExtractSettings {
  readonly format: Format;
  readonly types?: readonly EntityType[];
  readonly minScore?: number;
  readonly model: boolean;
  /** Whether the run has more than one document. */
  readonly many: boolean;
}

/** A file to process in a worker: read, extract, format. */
export interface FileTask {
  readonly name: string;
  readonly path: string;
  readonly index: number;
  readonly settings: ExtractSettings;
}

export interface DocumentResult {
  /** The document's share of the output. */
  readonly output: string;
  /** For `table`: the mentions to group. */
  readonly table?: readonly TableMention[];
  /** Characters read, for the progress bar. */
  readonly chars: number;
  /** A one-line reason the document could not be read; its output is empty. */
  readonly error?: string;
}

/** Extracts from one document's text and formats the result. */
export function processText(name: string, text: string, index: number, settings: ExtractSettings): DocumentResult {
  const mentions = extract(text, {
    model: settings.model,
    ...(settings.types ? { types: settings.types } : {}),
    ...(settings.minScore !== undefined ? { minScore: settings.minScore } : {}),
  });
  const doc = { name, text, mentions };
  return settings.format === 'table'
    ? { output: '', table: tableMentions(doc), chars: text.length }
    : { output: formatDocument(settings.format, doc, index, settings.many), chars: text.length };
}

/** Reads a file and processes it; a file that cannot be read becomes an `error`, never a throw. */
export function processFile(task: FileTask): DocumentResult {
  try {
    return processText(task.name, readText(task.path, task.name), task.index, task.settings);
  } catch (error) {
    return { output: '', chars: 0, error: error instanceof Error ? error.message : String(error) };
  }
}
