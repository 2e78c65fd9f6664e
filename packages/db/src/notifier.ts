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

  async function pgConnection(url: string) {
    connection ??= (async () => {
      const client = new pg.Client({ connectionString: url });
      client.on("notification", (message) => {
        dispatch(message.channel, message.payload ?? "");
      });
      client.on("error", () => {
        // The listening connection dropped: the next listen reconnects.
        connection = undefined;
      });
      await client.connect();

      return client;
    })();

    return connection;
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
      listeners.clear();
      if (connection) {
        const client = await connection.catch(() => undefined);
        await client?.end().catch(() => {});
      }
    },
  };
}
