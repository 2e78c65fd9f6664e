import {
  DomainError,
  inboundFromJson,
  inboundJsonSchema,
  parseMime,
  receiveInbound,
  type InboundMessage,
  type Services,
} from "@rally/api";
import express, { type Request } from "express";

import { isSignatureValid } from "./signature.ts";

/**
 * Replies from the inbound mail service: a raw MIME message, or the JSON
 * of an inbound-parse service when the request says application/json.
 * Nothing changes unless the signature holds.
 */
export function inboundRoutes(services: Services, secret: string) {
  const routes = express.Router();
  const raw = express.raw({ type: () => true, limit: "25mb" });
  routes.post("/webhooks/inbound", raw, async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const isValid = isSignatureValid({
      secret,
      timestamp: req.get("webhook-timestamp"),
      signatures: req.get("webhook-signature"),
      body,
      now: services.clock.now(),
    });
    if (!isValid) {
      res
        .status(401)
        .json({ error: "the webhook signature is missing or wrong" });

      return;
    }
    const message = await readMessage(req, body);
    if ("error" in message) {
      res.status(400).json(message);

      return;
    }
    try {
      const result = await receiveInbound(services, message);
      services.logger.info(
        { webhookId: req.get("webhook-id"), ...result },
        "inbound email",
      );
      res.json(result);
    } catch (error) {
      if (error instanceof DomainError && error.code === "INVALID_INPUT") {
        res.status(400).json({ error: error.message, field: error.field });

        return;
      }
      throw error;
    }
  });

  return routes;
}

async function readMessage(
  req: Request,
  body: Buffer,
): Promise<InboundMessage | { error: string }> {
  if (body.length === 0) {
    return { error: "the body is empty" };
  }
  if (!req.is("application/json")) {
    try {
      return await parseMime(body);
    } catch (error) {
      return {
        error:
          error instanceof DomainError
            ? error.message
            : "unreadable MIME message",
      };
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    return { error: "the body is not valid JSON" };
  }
  const parsed = inboundJsonSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];

    return { error: `${issue?.path.join(".") || "body"}: ${issue?.message}` };
  }
  try {
    return inboundFromJson(parsed.data);
  } catch (error) {
    if (error instanceof DomainError) {
      return { error: error.message };
    }
    throw error;
  }
}
