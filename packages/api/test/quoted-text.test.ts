import { describe, expect, it } from "vitest";

import { detectIntent } from "../src/services/conversations/intents.ts";
import { visibleReply } from "../src/services/conversations/quoted-text.ts";

describe("visibleReply", () => {
  it("cuts Gmail's wrapped attribution and the quote below it", () => {
    const text = [
      "Tuesday works for me.",
      "",
      "On Mon, Jun 15, 2026 at 9:00 AM Main Street Auto <",
      "service@mainstreet.test> wrote:",
      "",
      "> Your Corolla is due for an oil change.",
    ].join("\n");

    expect(visibleReply(text)).toBe("Tuesday works for me.");
  });

  it("cuts Outlook's original-message block and its header block", () => {
    const original =
      "Thanks, see you then\r\n\r\n-----Original Message-----\r\nFrom: Shop\r\nSent: Monday\r\n\r\nOld text";
    const headers = [
      "Sounds good.",
      "",
      "________________________________",
      "From: Main Street Auto <service@mainstreet.test>",
      "Sent: Monday, June 15, 2026 9:00 AM",
      "Subject: Oil change",
    ].join("\n");
    const bare =
      "Yes please\n\nFrom: Main Street Auto\nSent: Monday\nTo: me\n\nOld";

    expect(visibleReply(original)).toBe("Thanks, see you then");
    expect(visibleReply(headers)).toBe("Sounds good.");
    expect(visibleReply(bare)).toBe("Yes please");
  });

  it("cuts Apple Mail's attribution and its signature", () => {
    const text = [
      "Book me in for Thursday.",
      "",
      "Sent from my iPhone",
      "",
      "> On Jun 15, 2026, at 9:00 AM, Main Street Auto <service@mainstreet.test> wrote:",
      ">",
      "> Your Corolla is due.",
    ].join("\n");

    expect(visibleReply(text)).toBe("Book me in for Thursday.");
  });

  it("drops '> ' quoted lines and a '-- ' signature", () => {
    const text =
      "> When can you come?\nFriday morning.\n\n-- \nAna Ruiz\n555-0100";

    expect(visibleReply(text)).toBe("Friday morning.");
  });

  it("shows a reply that is nothing but quote in full", () => {
    expect(visibleReply("> only a quote")).toBe("> only a quote");
  });
});

describe("detectIntent", () => {
  const sentAt = new Date("2026-06-15T12:00:00Z");

  it("reads stop and unsubscribe before anything else", () => {
    expect(detectIntent("STOP", sentAt, "UTC")?.kind).toBe("unsubscribe");
    expect(
      detectIntent("Please unsubscribe me, I sold it", sentAt, "UTC")?.kind,
    ).toBe("unsubscribe");
  });

  it("reads a sold car", () => {
    expect(
      detectIntent("We sold the car last year.", sentAt, "UTC")?.kind,
    ).toBe("sold");
    expect(
      detectIntent("I no longer own that Corolla", sentAt, "UTC")?.kind,
    ).toBe("sold");
  });

  it("reads a proposed time in the shop's time zone", () => {
    const intent = detectIntent(
      "Could you do Tuesday at 10am?",
      sentAt,
      "America/Chicago",
    );

    expect(intent).toEqual({
      kind: "book",
      proposedTime: new Date("2026-06-16T15:00:00Z"),
    });
  });

  it("reads a request to book without a time", () => {
    expect(detectIntent("Yes, book me in please", sentAt, "UTC")).toEqual({
      kind: "book",
      proposedTime: null,
    });
    expect(detectIntent("Thanks for the reminder", sentAt, "UTC")).toBeNull();
  });
});
