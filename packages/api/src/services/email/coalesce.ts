interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Turns a write over many items into one callers can make item by item:
 * the first item is written at once, and every item that arrives while a
 * write is in flight goes into the next one. Senders finishing at scattered
 * moments thus share round trips without any timer. (DataLoader batches
 * per event-loop tick, which these senders, each waiting on its own SMTP
 * reply, almost never share.)
 *
 * `write` answers one result per item, in order; when it throws, every
 * item of that write is refused with its error.
 */
export function coalesce<T, R>(write: (items: T[]) => Promise<R[]>) {
  let waiting: Waiting<T, R>[] = [];
  let isWriting = false;

  async function drain() {
    isWriting = true;
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        const results = await write(batch.map((entry) => entry.item));
        batch.forEach((entry, index) => {
          entry.resolve(results[index] as R);
        });
      } catch (error) {
        for (const entry of batch) {
          entry.reject(error);
        }
      }
    }
    isWriting = false;
  }

  return (item: T) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!isWriting) {
        void drain();
      }
    });
}
