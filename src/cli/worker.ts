/** The worker-thread entry of `kashif extract --workers N`: one file per task. */
import { processFile, type DocumentResult, type FileTask } from './document.js';

export default function run(task: FileTask): DocumentResult {
  return processFile(task);
}
