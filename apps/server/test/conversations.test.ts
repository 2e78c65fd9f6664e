import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createTestClock,
  errorOf,
  startTestServer,
  type TestServer,
} from "../src/testing.ts";
import { mimeReply, postInbound } from "./support/inbound.ts";
import { createCampaignThread, createShop } from "./support/test-data.ts";

const start = new Date("2026-06-15T12:00:00Z");
const clock = createTestClock(start);
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ clock });
  await createShop(server.db);
});

afterAll(async () => {
  await server?.close();
});

/** A campaign email and the customer's reply to it, `minutes` after start. */
async function repliedThread(text: string, minutes: number) {
  const { customer, vehicle, thread, email } = await createCampaignThread(
    server.db,
    { at: start, status: "DELIVERED" },
  );
  clock.set(new Date(start.getTime() + minutes * 60_000));
  const { body } = await postInbound(
    server,
    mimeReply({
      from: customer.email!,
      to: "service@mainstreet.test",
      text,
      inReplyTo: email.messageId,
    }),
  );
  clock.set(start);

  return { customer, vehicle, thread, email, replyId: body.emailId };
}

describe("the conversation inbox", () => {
  it("lists threads newest first with previews, unread counts and paging", async () => {
    const older = await repliedThread("Older reply", 10);
    const newer = await repliedThread(
      "Newer reply\n\nOn Mon, Jun 15, 2026 at 9:00 AM Shop wrote:\n> quoted",
      20,
    );
    const first = await server.client.conversation.list.query({
      filter: "needs-reply",
      limit: 1,
    });
    const second = await server.client.conversation.list.query({
      filter: "needs-reply",
      limit: 1,
      cursor: first.nextCursor,
    });

    expect(first.items[0]).toMatchObject({
      id: newer.thread.id,
      unreadCount: 1,
      lastMessage: { direction: "INBOUND", preview: "Newer reply" },
    });
    expect(second.items[0]?.id).toBe(older.thread.id);
    expect(first.unread.messages).toBeGreaterThanOrEqual(2);
  });

  it("filters by customer", async () => {
    const { customer, thread } = await repliedThread("Hello", 30);
    const listed = await server.client.conversation.list.query({
      customerId: customer.id,
    });

    expect(listed.items.map((t) => t.id)).toEqual([thread.id]);
  });

  it("shows a thread's messages in order with statuses and intents", async () => {
    const { thread, vehicle } = await repliedThread(
      "Could you do Tuesday at 10am?",
      40,
    );
    const shown = await server.client.conversation.thread.query({
      threadId: thread.id,
    });

    expect(shown.messages.map((m) => [m.direction, m.status])).toEqual([
      ["OUTBOUND", "DELIVERED"],
      ["INBOUND", "RECEIVED"],
    ]);
    expect(shown.messages[1]?.vehicleId).toBe(vehicle.id);
    expect(shown.messages[1]?.intent).toEqual({
      kind: "book",
      proposedTime: new Date("2026-06-16T10:00:00Z"),
      isApplied: false,
    });
  });

  it("queues a reply in the outbox chained to the last message", async () => {
    const { thread, customer, replyId } = await repliedThread("Thanks!", 50);
    const inbound = await server.db.prisma.email.findUniqueOrThrow({
      where: { id: replyId },
    });
    const queued = await server.client.conversation.reply.mutate({
      threadId: thread.id,
      text: "See you Tuesday.",
    });
    const stored = await server.db.prisma.email.findUniqueOrThrow({
      where: { id: queued.id },
    });
    const after = await server.db.prisma.thread.findUniqueOrThrow({
      where: { id: thread.id },
    });

    expect(stored).toMatchObject({
      status: "QUEUED",
      direction: "OUTBOUND",
      isReply: true,
      threadId: thread.id,
      customerId: customer.id,
      toAddress: customer.email,
      fromAddress: "service@mainstreet.test",
      subject: "Re: Your Corolla is due for an oil change",
      inReplyTo: inbound.messageId,
    });
    expect(stored.references).toContain(inbound.messageId);
    expect(stored.messageId).toMatch(/^<[0-9a-f-]{36}@mainstreet\.test>$/);
    expect(after.needsReply).toBe(false);
  });

  it("marks a thread read and records the event", async () => {
    const { thread } = await repliedThread("Unread", 60);
    const read = await server.client.conversation.markRead.mutate({
      threadId: thread.id,
    });
    const event = await server.db.prisma.domainEvent.findFirst({
      where: { type: "conversation.read", threadId: thread.id },
    });

    expect(read.unreadCount).toBe(0);
    expect(event).not.toBeNull();
  });

  it("marks the vehicle sold when staff apply a sold-the-car reply", async () => {
    const { thread, vehicle, replyId } = await repliedThread(
      "We sold the car in March.",
      70,
    );
    const offered = await server.client.conversation.thread.query({
      threadId: thread.id,
    });
    await server.client.conversation.applyIntent.mutate({
      emailId: replyId,
      intent: "sold",
    });
    const applied = await server.client.conversation.thread.query({
      threadId: thread.id,
    });
    const stored = await server.db.prisma.vehicle.findUniqueOrThrow({
      where: { id: vehicle.id },
    });
    const announced = await server.db.prisma.domainEvent.findFirst({
      where: {
        type: "vehicle.changed",
        payload: { path: ["vehicleId"], equals: vehicle.id },
      },
      orderBy: { id: "desc" },
    });

    expect(offered.messages[1]?.intent).toMatchObject({
      kind: "sold",
      isApplied: false,
    });
    expect(applied.messages[1]?.intent?.isApplied).toBe(true);
    expect(stored.status).toBe("SOLD");
    expect(announced?.payload).toEqual({
      vehicleId: vehicle.id,
      customerId: stored.customerId,
      change: "updated",
    });
  });

  it("refuses to reply to an address that unsubscribed", async () => {
    const { thread } = await repliedThread("Unsubscribe", 80);
    const shown = await server.client.conversation.thread.query({
      threadId: thread.id,
    });
    const error = await errorOf(
      server.client.conversation.reply.mutate({
        threadId: thread.id,
        text: "Sorry to see you go",
      }),
    );

    expect(shown.messages[1]?.intent).toMatchObject({
      kind: "unsubscribe",
      isApplied: true,
    });
    expect(error.data?.code).toBe("CONFLICT");
  });
});
