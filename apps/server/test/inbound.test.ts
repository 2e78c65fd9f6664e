import { replyAddressFor } from "@rally/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createTestClock,
  startTestServer,
  type TestServer,
} from "../src/testing.ts";
import { signInbound } from "../src/http/inbound/signature.ts";
import { mimeReply, postInbound } from "./support/inbound.ts";
import {
  createCampaignThread,
  createOwner,
  createShop,
} from "./support/test-data.ts";

const start = new Date("2026-06-15T12:00:00Z");
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ clock: createTestClock(start) });
  await createShop(server.db);
});

afterAll(async () => {
  await server?.close();
});

function campaignThread(status: "SENT" | "QUEUED" = "SENT") {
  return createCampaignThread(server.db, { at: start, status });
}

describe("the inbound webhook", () => {
  it("files a reply by the token in its reply address", async () => {
    const { customer, thread } = await campaignThread();
    const to = replyAddressFor(server.services, thread.id, "mainstreet.test");
    const { status, body } = await postInbound(
      server,
      mimeReply({ from: customer.email!, to, text: "Yes please." }),
    );
    const stored = await server.db.prisma.thread.findUniqueOrThrow({
      where: { id: thread.id },
    });

    expect(status).toBe(200);
    expect(body).toMatchObject({ threadId: thread.id, matchedBy: "token" });
    expect(stored).toMatchObject({ unreadCount: 1, needsReply: true });
    expect(stored.lastMessageAt).toEqual(start);
  });

  it("files a JSON-posted reply by In-Reply-To before the email is marked sent", async () => {
    const { customer, thread, email } = await campaignThread("QUEUED");
    const { body } = await postInbound(
      server,
      JSON.stringify({
        from: `Ana Ruiz <${customer.email}>`,
        to: "service@mainstreet.test",
        subject: "Re: oil",
        text: "Thursday?",
        headers: `Message-ID: <json-1@mail.example.com>\nIn-Reply-To: ${email.messageId}`,
      }),
      { contentType: "application/json" },
    );
    const received = await server.db.prisma.email.findUniqueOrThrow({
      where: { id: body.emailId },
    });
    const outbound = await server.db.prisma.email.findUniqueOrThrow({
      where: { id: email.id },
    });

    expect(body).toMatchObject({ threadId: thread.id, matchedBy: "headers" });
    expect(received).toMatchObject({
      direction: "INBOUND",
      status: "RECEIVED",
      customerId: customer.id,
      inReplyTo: email.messageId,
    });
    expect(outbound.status).toBe("QUEUED");
  });

  it("reads an HTML-only JSON reply for its intent", async () => {
    const { customer, email } = await campaignThread();
    const { body } = await postInbound(
      server,
      JSON.stringify({
        from: customer.email,
        to: "service@mainstreet.test",
        subject: "Re: oil",
        html: "<p>We sold the car.</p><blockquote><p>Book now</p></blockquote>",
        headers: { "In-Reply-To": email.messageId },
      }),
      { contentType: "application/json" },
    );
    const thread = await server.client.conversation.thread.query({
      threadId: body.threadId,
    });

    expect(thread.messages.at(-1)).toMatchObject({
      visibleText: "We sold the car.",
      intent: { kind: "sold", isApplied: false },
    });
  });

  it("opens a new thread for a known customer writing afresh", async () => {
    const { customer } = await createOwner(server.db);
    const { body } = await postInbound(
      server,
      mimeReply({
        from: customer.email!.toUpperCase(),
        to: "service@mainstreet.test",
        subject: "Brakes squeal",
        text: "Can you look at my brakes?",
      }),
    );
    const thread = await server.db.prisma.thread.findUniqueOrThrow({
      where: { id: body.threadId },
    });

    expect(body.matchedBy).toBe("customer");
    expect(thread).toMatchObject({
      customerId: customer.id,
      subject: "Brakes squeal",
    });
  });

  it("puts mail from an unknown sender in an unmatched thread", async () => {
    const { body } = await postInbound(
      server,
      mimeReply({
        from: "stranger@example.org",
        to: "service@mainstreet.test",
        text: "Do you fix bikes?",
      }),
    );
    const thread = await server.db.prisma.thread.findUniqueOrThrow({
      where: { id: body.threadId },
    });

    const unmatched = await server.client.conversation.list.query({
      filter: "unmatched",
    });

    expect(body.matchedBy).toBe("unmatched");
    expect(unmatched.items.map((t) => t.id)).toContain(body.threadId);
    expect(thread).toMatchObject({
      customerId: null,
      fromAddress: "stranger@example.org",
    });
  });

  it("streams the new message to subscribed clients", async () => {
    const { customer, email } = await campaignThread();
    const received = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no event")), 10_000);
      const subscription = server.client.events.onAll.subscribe(
        {},
        {
          onData: ({ data }) => {
            const message = (data.kind === "events" ? data.events : []).find(
              (event) => event.type === "conversation.message",
            );
            if (message) {
              clearTimeout(timer);
              subscription.unsubscribe();
              resolve(message.payload);
            }
          },
          onError: reject,
          onStarted: () => {
            void postInbound(
              server,
              mimeReply({
                from: customer.email!,
                to: "service@mainstreet.test",
                text: "On my way",
                inReplyTo: email.messageId,
              }),
            );
          },
        },
      );
    });

    await expect(received).resolves.toMatchObject({
      threadId: email.threadId,
      direction: "INBOUND",
    });
  });

  it("ignores a forged reply token and falls back to the sender", async () => {
    const { customer, thread } = await campaignThread();
    const real = replyAddressFor(server.services, thread.id, "mainstreet.test");
    const forged = real.replace(
      /\.[^.@]+@/,
      ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA@",
    );
    const { body } = await postInbound(
      server,
      mimeReply({ from: customer.email!, to: forged, text: "Hello?" }),
    );

    expect(body.matchedBy).toBe("customer");
    expect(body.threadId).not.toBe(thread.id);
  });

  it("refuses a stale timestamp with 401", async () => {
    const body = Buffer.from(
      mimeReply({ from: "x@example.org", to: "s@mainstreet.test", text: "hi" }),
    );
    const timestamp = Math.floor(server.clock.now().getTime() / 1000) - 600;
    const response = await fetch(`${server.url}/webhooks/inbound`, {
      method: "POST",
      headers: {
        "content-type": "message/rfc822",
        "webhook-id": "msg_stale",
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signInbound(
          server.services.secret,
          timestamp,
          body,
        ),
      },
      body,
    });

    expect(response.status).toBe(401);
  });

  it("refuses a bad signature with 401 and stores nothing", async () => {
    const before = await server.db.prisma.email.count();
    const { status } = await postInbound(
      server,
      mimeReply({ from: "x@example.org", to: "s@mainstreet.test", text: "hi" }),
      { secret: "not-the-secret" },
    );

    expect(status).toBe(401);
    expect(await server.db.prisma.email.count()).toBe(before);
  });

  it("stores a redelivered message once", async () => {
    const { customer, email } = await campaignThread();
    const mime = mimeReply({
      from: customer.email!,
      to: "service@mainstreet.test",
      text: "Sure",
      inReplyTo: email.messageId,
      messageId: "<redelivered@mail.example.com>",
    });
    const first = await postInbound(server, mime);
    const second = await postInbound(server, mime);

    expect(second.body.emailId).toBe(first.body.emailId);
    expect(
      await server.db.prisma.email.count({
        where: { messageId: "<redelivered@mail.example.com>" },
      }),
    ).toBe(1);
  });

  it("suppresses the sender at once when the reply says stop", async () => {
    const { customer, email } = await campaignThread();
    const { body } = await postInbound(
      server,
      mimeReply({
        from: customer.email!,
        to: "service@mainstreet.test",
        text: "STOP\n\nOn Mon, Jun 15, 2026 at 9:00 AM Shop wrote:\n> Book now",
        inReplyTo: email.messageId,
      }),
    );
    const suppression = await server.db.prisma.suppression.findUnique({
      where: { email: customer.email! },
    });
    const event = await server.db.prisma.emailEvent.findFirst({
      where: { emailId: body.emailId },
    });

    expect(suppression?.reason).toBe("UNSUBSCRIBED");
    expect(event?.reason).toBe("unsubscribed by reply");
  });
});
