import { randomUUID } from "node:crypto";

/**
 * A stable RFC 5322 Message-ID, made once when the email is queued: a retry
 * sends the same one, so a receiver that got the first attempt recognises it.
 */
export function newMessageId(domain: string) {
  return `<${randomUUID()}@${domain}>`;
}

/** The domain part of an address, for Message-IDs of mail sent from it. */
export function domainOf(address: string) {
  return address.split("@")[1] ?? "rally.invalid";
}
