/**
 * Runs tasks concurrently and hands their results over in the order the tasks came, holding at
 * most `window` tasks in flight, so a long stream of inputs is never all in memory.
 */
export async function orderedMap<T, R>(
  items: Iterable<T>,
  run: (item: T, index: number) => Promise<R>,
  window: number,
  emit: (result: R, index: number) => Promise<void> | void,
): Promise<number> {
  const inFlight: Promise<R>[] = [];
  let next = 0;
  let emitted = 0;
  for (const item of items) {
    inFlight.push(run(item, next++));
    if (inFlight.length >= window) await emit(await inFlight.shift()!, emitted++);
  }
  while (inFlight.length) await emit(await inFlight.shift()!, emitted++);
  return emitted;
}
