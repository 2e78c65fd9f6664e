import {
  applyWebhookEvent,
  type Services,
  verifyWebhook,
  webhookEvent,
} from "@rally/api";
import express, { type Router } from "express";

/**
 * `POST /webhooks/email/:provider`: a provider's signed report about an
 * email. A bad signature is 401 and changes nothing; a replayed event id
 * is acknowledged and changes nothing.
 */
export function emailWebhookRoutes(
  services: Services,
  webhookSecret: string,
): Router {
  const routes = express.Router();
  routes.post(
    "/webhooks/email/:provider",
    express.text({ type: "*/*", limit: "256kb" }),
    async (req, res) => {
      const provider = String(req.params.provider).slice(0, 40);
      const body = typeof req.body === "string" ? req.body : "";
      const check = verifyWebhook(
        webhookSecret,
        req.headers,
        body,
        services.clock.now(),
      );
      if (!check.ok) {
        res.status(401).json({ error: check.reason });

        return;
      }
      const parsed = webhookEvent.safeParse(parseJson(body));
      if (!parsed.success) {
        res.status(400).json({ error: "unrecognised event" });

        return;
      }
      const outcome = await applyWebhookEvent(
        services,
        provider,
        check.id,
        parsed.data,
      );
      services.logger.info(
        { provider, eventId: check.id, outcome },
        "email webhook",
      );
      res.json({ outcome });
    },
  );

  return routes;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
