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
 * The items of batches arriving asynchronously (a cursor's pages), one
 * resolved promise per item; only an empty buffer waits for the next batch.
 * `return()` closes the batch source (its `finally` blocks run).
 */
export function flattenBatches<T>(batches: AsyncIterable<readonly T[]>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const source = batches[Symbol.asyncIterator]()
      let batch: readonly T[] = []
      let index = 0
      let finished = false
      const pull = async (): Promise<IteratorResult<T>> => {
        for (;;) {
          const r = await source.next()
          if (r.done === true) {
            finished = true
            return DONE
          }
          batch = r.value
          index = 0
          if (batch.length > 0) return { done: false, value: batch[index++] }
        }
      }
      return {
        next: () => {
          if (index < batch.length) return Promise.resolve({ done: false, value: batch[index++] })
          if (finished) return Promise.resolve(DONE)
          return pull().catch((e: unknown) => {
            finished = true
            throw e
          })
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
