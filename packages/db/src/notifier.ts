import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export type NotifyListener = (payload: string) => void;

/**
 * PostgreSQL LISTEN/NOTIFY. On a server, one dedicated connection listens for
 * the whole process, so events cross processes; on PGlite they stay in the
 * one process that owns the database.
 */
export interface Notifier {
  listen(channel: string, listener: NotifyListener): Promise<() => void>;
  close(): Promise<void>;
}

type NotifierSource =
  { kind: "postgres"; url: string } | { kind: "pglite"; client: PGlite };

export function createNotifier(source: NotifierSource): Notifier {
  const listeners = new Map<string, Set<NotifyListener>>();
  let connection: Promise<pg.Client> | undefined;
  let isClosed = false;

  function dispatch(channel: string, payload: string) {
    for (const listener of listeners.get(channel) ?? []) {
      listener(payload);
    }
  }

  let reconnectTimer: NodeJS.Timeout | undefined;
  let failedAttempts = 0;

  async function pgConnection(url: string) {
    connection ??= (async () => {
      const client = new pg.Client({ connectionString: url });
      client.on("notification", (message) => {
        dispatch(message.channel, message.payload ?? "");
      });
      client.on("error", () => lost(url));
      client.on("end", () => lost(url));
      await client.connect();

      return client;
    })();

    return connection;
  }

  /**
   * The listening connection dropped (a server restart, a failover, a
   * terminated backend): listen again with backoff, then wake every
   * listener once so that what was committed meanwhile is read.
   */
  function lost(url: string) {
    connection = undefined;
    if (isClosed || reconnectTimer) {
      return;
    }
    const delayMs = Math.min(250 * 2 ** failedAttempts, 10_000);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      void relisten(url);
    }, delayMs);
    reconnectTimer.unref();
  }

  async function relisten(url: string) {
    try {
      const client = await pgConnection(url);
      for (const channel of listeners.keys()) {
        await client.query(`LISTEN ${channel}`);
      }
      failedAttempts = 0;
      for (const channel of listeners.keys()) {
        dispatch(channel, "");
      }
    } catch {
      failedAttempts += 1;
      lost(url);
    }
  }

  return {
    async listen(channel, listener) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) {
        throw new Error(`invalid channel name "${channel}"`);
      }
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        if (source.kind === "postgres") {
          const client = await pgConnection(source.url);
          await client.query(`LISTEN ${channel}`);
        } else {
          await source.client.listen(channel, (payload) =>
            dispatch(channel, payload),
          );
        }
      }
      set.add(listener);

      return () => {
        set.delete(listener);
      };
    },
    async close() {
      if (isClosed) {
        return;
      }
      isClosed = true;
      clearTimeout(reconnectTimer);
      listeners.clear();
      if (connection) {
        const client = await connection.catch(() => undefined);
        await client?.end().catch(() => {});
      }
    },
  };
}
