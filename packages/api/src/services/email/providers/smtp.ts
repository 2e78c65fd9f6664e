import nodemailer from "nodemailer";

import type { EmailProvider, OutgoingMessage, SendResult } from "./provider.ts";

export interface SmtpOptions {
  host: string;
  port: number;
  isSecure?: boolean;
  user?: string | undefined;
  password?: string | undefined;
  /** Pooled connections kept open to the server. */
  maxConnections?: number;
  /** Gives up on a silent server after this long; the email retries. */
  timeoutMs?: number;
}

const SLOW_DOWN_CODES = new Set([421, 450, 451, 454]);

/** SMTP through nodemailer's pool: connections are reused across emails. */
export function createSmtpProvider(options: SmtpOptions): EmailProvider {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.isSecure ?? false,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: Infinity,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    ...(options.user
      ? { auth: { user: options.user, pass: options.password ?? "" } }
      : {}),
  });

  return {
    name: "smtp",
    async send(message) {
      try {
        const info = await transport.sendMail(toMail(message));

        return { ok: true, providerMessageId: info.messageId };
      } catch (error) {
        return classify(error);
      }
    },
    async close() {
      transport.close();
    },
  };
}

function toMail(message: OutgoingMessage) {
  return {
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    messageId: message.messageId,
    headers: message.headers,
  };
}

/** 5xx is final; 4xx, timeouts and dropped connections are worth a retry. */
export function classify(error: unknown): SendResult {
  const { responseCode, code, message } = error as {
    responseCode?: number;
    code?: string;
    message?: string;
  };
  const reason = `${responseCode ?? code ?? "error"}: ${message ?? String(error)}`;
  if (responseCode !== undefined && responseCode >= 500) {
    return { ok: false, isPermanent: true, isSlowDown: false, reason };
  }

  return {
    ok: false,
    isPermanent: false,
    isSlowDown: responseCode !== undefined && SLOW_DOWN_CODES.has(responseCode),
    reason: reason.slice(0, 500),
  };
}
