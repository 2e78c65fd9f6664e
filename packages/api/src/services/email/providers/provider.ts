/** One message as it leaves Rally, headers and all. */
export interface OutgoingMessage {
  emailId: number;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
}

export type SendResult =
  | { ok: true; providerMessageId: string }
  | {
      ok: false;
      /** Permanent errors fail the email at once; transient ones retry. */
      isPermanent: boolean;
      /** The provider asked us to slow down (SMTP 421, 450, 451, 454). */
      isSlowDown: boolean;
      reason: string;
    };

/**
 * What the pipeline needs of a provider. SMTP and the simulated provider
 * implement it; an ESP's HTTP API would too, without touching the dispatcher.
 */
export interface EmailProvider {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendResult>;
  close(): Promise<void>;
}
