import {
  createDispatcher,
  createSimulatedProvider,
  createSmtpProvider,
  type EmailProvider,
  type Services,
} from "@rally/api";

import type { Config } from "./config.ts";

export interface EmailSetup {
  config: Pick<
    Config,
    | "RALLY_EMAIL_PROVIDER"
    | "SMTP_HOST"
    | "SMTP_PORT"
    | "SMTP_SECURE"
    | "SMTP_USER"
    | "SMTP_PASSWORD"
    | "RALLY_SEND_RATE"
    | "RALLY_SEND_CONCURRENCY"
    | "RALLY_SEND_LEASE_MS"
  >;
  webhookSecret: string;
  /** Where this process's webhook endpoint listens, for the simulated provider. */
  localUrl: string;
}

export function createProvider(
  services: Services,
  setup: EmailSetup,
): EmailProvider {
  const { config } = setup;
  if (config.RALLY_EMAIL_PROVIDER === "smtp") {
    return createSmtpProvider({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      isSecure: config.SMTP_SECURE,
      user: config.SMTP_USER,
      password: config.SMTP_PASSWORD,
      maxConnections: config.RALLY_SEND_CONCURRENCY,
    });
  }

  return createSimulatedProvider({
    webhookUrl: `${setup.localUrl}/webhooks/email/simulated`,
    secret: setup.webhookSecret,
    clock: services.clock,
  });
}

/** The email dispatcher of this process, started and stopped with it. */
export async function startEmail(services: Services, setup: EmailSetup) {
  const provider = createProvider(services, setup);
  const dispatcher = createDispatcher(services, {
    provider,
    ratePerSecond: setup.config.RALLY_SEND_RATE,
    concurrency: setup.config.RALLY_SEND_CONCURRENCY,
    leaseMs: setup.config.RALLY_SEND_LEASE_MS,
  });
  await dispatcher.start();

  return {
    dispatcher,
    async stop() {
      await dispatcher.stop();
      await provider.close();
    },
  };
}
