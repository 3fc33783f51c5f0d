/**
 * Runs tasks concurrently and hands their results over in the order the tasks came, holding at
 * most `window` tasks in flight, so a long stream of inputs is never all in memory. `run` must
 * not reject (turn failures into results): a rejection would surface only when its turn comes.
 */
export async function orderedMap<T, R>(
  items: Iterable<T>,
  run: (item: T, index: number) => Promise<R>,
  window: number,
  emit: (result: R, item: T) => Promise<void> | void,
): Promise<void> {
  const inFlight: { item: T; result: Promise<R> }[] = [];
  let index = 0;
  for (const item of items) {
    inFlight.push({ item, result: run(item, index++) });
    if (inFlight.length >= window) {
      const head = inFlight.shift()!;
      await emit(await head.result, head.item);
    }
  }
  for (const head of inFlight) await emit(await head.result, head.item);
}
