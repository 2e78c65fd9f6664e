import type { NextFunction, Request, Response } from "express";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Requests per address per minute at the public edges. Counted in each
 * process's memory: with several API processes behind a balancer an
 * address gets that many times the allowance. That bounds abuse well enough
 * for pages and webhooks; a shared PostgreSQL counter would cost a write
 * per request.
 */
export const edgeLimits = {
  publicPerMinute: 120,
  webhooksPerMinute: 1_200,
  /** Webhook bodies are email events or whole inbound messages. */
  webhookBodyBytes: 10_000_000,
} as const;

export function rateLimit(pointsPerMinute: number) {
  const limiter = new RateLimiterMemory({
    points: pointsPerMinute,
    duration: 60,
  });

  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      await limiter.consume(req.ip ?? "unknown");
      next();
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) {
        next(error);

        return;
      }
      res.setHeader("Retry-After", Math.ceil(error.msBeforeNext / 1000));
      res.status(429).json({ error: "too many requests; slow down" });
    }
  };
}

/** Refuses a body that announces itself as too big before reading it. */
export function bodyLimit(maxBytes: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const length = Number(req.headers["content-length"] ?? 0);
    if (length > maxBytes) {
      res.status(413).json({ error: `body over ${maxBytes} bytes` });

      return;
    }
    next();
  };
}
