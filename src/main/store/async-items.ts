/**
 * Async iterables of many small items without an async generator's cost per
 * item (each `yield` of an async generator awaits its value and settles a
 * queued request: several promise jobs per event on reads of millions). Here
 * an item already at hand is handed over in one resolved promise.
 */

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined }

/**
 * The items of a sync iterable made on the first `next()` (so its setup and
 * errors happen when the caller starts reading, as an async generator's
 * body would), each as one resolved promise; `return()` closes it (its
 * `finally` blocks run), as breaking out of `for await` does.
 */
export function fromSync<T>(make: () => Iterable<T>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      let it: Iterator<T> | null = null
      let finished = false
      const step = (advance: (i: Iterator<T>) => IteratorResult<T>): Promise<IteratorResult<T>> => {
        if (finished) return Promise.resolve(DONE)
        try {
          it ??= make()[Symbol.iterator]()
          const r = advance(it)
          if (r.done === true) finished = true
          return Promise.resolve(r)
        } catch (e) {
          finished = true
          return Promise.reject(e)
        }
      }
      return {
        next: () => step((i) => i.next()),
        return: () => {
          if (it === null) finished = true
          return step((i) => i.return?.() ?? DONE)
        }
      }
    }
  }
}

/**
 * What `flattenBatches` makes of the items of the batches, one at a time:
 * `take` returns what the consumer gets for an item, or null when that item
 * gives nothing yet (merged into a later one); `end` returns what is left once
 * the batches end.
 */
export interface BatchStep<T, U> {
  take(item: T): U | null
  end(): U | null
}

/**
 * What `step` makes of the items of batches arriving asynchronously (a
 * cursor's pages), one resolved promise per result; only an exhausted batch
 * waits for the next. Each item is taken just when the consumer asks for the
 * next result, so what it makes can die young (a whole batch of results made
 * ahead would survive garbage collections and be copied). The batches are the
 * caller's to give away: their items are dropped as they are taken. Every
 * failure, of the batches or of `step`, closes the batch source and is
 * translated by `explain`; `return()` closes it too, as breaking out of
 * `for await` does: the source's `finally` blocks run.
 */
export function flattenBatches<T, U>(batches: AsyncIterable<(T | undefined)[]>, step: BatchStep<T, U>, explain: (e: unknown) => unknown): AsyncIterable<U> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<U> {
      const source = batches[Symbol.asyncIterator]()
      let batch: (T | undefined)[] = []
      let index = 0
      let finished = false
      /** Ends the iteration with `e` explained, once the batch source is closed (a connection it holds is freed first). */
      const fail = async (e: unknown): Promise<never> => {
        finished = true
        batch = []
        await source.return?.()?.catch(() => undefined)
        throw explain(e)
      }
      /**
       * The next result from the batch at hand, or null once it is used up.
       * Each item taken is dropped from the batch, so it is garbage at once
       * (not copied by every collection until the whole batch is done).
       */
      const fromBatch = (): U | null => {
        while (index < batch.length) {
          const item = batch[index] as T
          batch[index++] = undefined
          const made = step.take(item)
          if (made !== null) return made
        }
        return null
      }
      const pull = async (): Promise<IteratorResult<U>> => {
        for (;;) {
          const r = await source.next()
          if (r.done === true) {
            finished = true
            const last = step.end()
            return last === null ? DONE : { done: false, value: last }
          }
          batch = r.value
          index = 0
          const made = fromBatch()
          if (made !== null) return { done: false, value: made }
        }
      }
      return {
        next: () => {
          if (finished) return Promise.resolve(DONE)
          try {
            const made = fromBatch()
            if (made !== null) return Promise.resolve({ done: false, value: made })
          } catch (e) {
            return fail(e)
          }
          return pull().catch(fail)
        },
        return: async () => {
          batch = []
          if (!finished) {
            finished = true
            await source.return?.()
          }
          return DONE
        }
      }
    }
  }
}
