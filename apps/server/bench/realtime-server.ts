import { randomUUID } from "node:crypto";
/**
 * One Rally server process for the realtime benchmark. The parent drives
 * it over IPC: it commits status changes (recording when each committed)
 * and reports its memory.
 */
import {
  createApiToken,
  createEventBus,
  createUser,
  recordEvents,
  systemClock,
} from "@rally/api";
import { migrate, openDatabase, type Database } from "@rally/db";
import pino from "pino";

import { createRallyServer } from "../src/app.ts";

export type ServerCommand =
  | { kind: "commit"; total: number; perCommit: number; perSecond: number }
  | { kind: "memory" }
  | { kind: "stop" };

export type ServerReply =
  | { kind: "ready"; url: string; token: string }
  | { kind: "committed"; committedAt: number[]; durationMs: number }
  | {
      kind: "memory";
      /** Resident memory once listening, before any client connected. */
      idleRss: number;
      peakRss: number;
      rss: number;
      heapUsed: number;
    };

const CAMPAIGNS = Number(process.env.BENCH_CAMPAIGNS ?? 100);
const logger = pino({ level: "warn" });
let peakRss = 0;
let idleRss = 0;

const wallNow = () => performance.timeOrigin + performance.now();

function send(reply: ServerReply) {
  process.send?.(reply);
}

function sampleMemory() {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}

async function commit(
  db: Database,
  command: ServerCommand & { kind: "commit" },
) {
  const committedAt: number[] = [];
  const startedAt = performance.now();
  const intervalMs = (1_000 * command.perCommit) / command.perSecond;
  for (let seq = 0; seq < command.total; seq += command.perCommit) {
    const due = startedAt + (seq / command.perCommit) * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const count = Math.min(command.perCommit, command.total - seq);
    const events = Array.from({ length: count }, (_, i) => ({
      type: "email.status" as const,
      campaignId: ((seq + i) % CAMPAIGNS) + 1,
      payload: { seq: seq + i, emailId: seq + i, from: "QUEUED", to: "SENT" },
    }));
    await db.prisma.$transaction((tx) => recordEvents(tx, events));
    const now = wallNow();
    for (let i = 0; i < count; i += 1) {
      committedAt.push(now);
    }
  }
  send({
    kind: "committed",
    committedAt,
    durationMs: performance.now() - startedAt,
  });
}

async function main() {
  const db = await openDatabase({
    url: process.env.BENCH_DATABASE_URL,
    maxConnections: 5,
  });
  if (process.env.BENCH_MIGRATE === "1") {
    await migrate(db);
  }
  const events = createEventBus(db, logger, { clock: systemClock });
  await events.start();
  const server = createRallyServer({
    services: {
      db,
      clock: systemClock,
      logger,
      events,
      secret: "bench-secret",
      publicUrl: "http://bench.test",
    },
  });
  const url = await server.listen(0, "127.0.0.1");
  const benchUser = await createUser(db, {
    email: `bench-${process.pid}@rally.test`,
    name: "Realtime bench",
    password: randomUUID(),
    role: "VIEWER",
  });
  const { token } = await createApiToken(db, {
    name: "realtime bench",
    role: "VIEWER",
    createdById: benchUser.id,
  });
  idleRss = process.memoryUsage.rss();
  // The peak includes the idle sample, so "added" is never below zero.
  peakRss = idleRss;
  const sampler = setInterval(sampleMemory, 100);
  process.on("message", (command: ServerCommand) => {
    if (command.kind === "commit") {
      void commit(db, command);
    } else if (command.kind === "memory") {
      const usage = process.memoryUsage();
      sampleMemory();
      send({
        kind: "memory",
        idleRss,
        peakRss,
        rss: usage.rss,
        heapUsed: usage.heapUsed,
      });
    } else {
      clearInterval(sampler);
      void server
        .close()
        .then(() => events.stop())
        .then(() => db.close())
        .finally(() => process.exit(0));
    }
  });
  send({ kind: "ready", url, token });
}

void main();
