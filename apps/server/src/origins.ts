import type http from "node:http";

/**
 * Which browser origins may call in: the public URL's, any listed in
 * RALLY_ALLOWED_ORIGINS, and the server's own (the Origin naming the Host
 * the request was sent to). Requests with no Origin come from tools, not
 * browsers, and carry no ambient cookie from another site.
 */
export function createOriginCheck(allowed: string[]) {
  const origins = new Set(
    allowed.filter(Boolean).map((url) => new URL(url).origin),
  );

  return (req: http.IncomingMessage) => {
    const origin = req.headers.origin;
    if (origin === undefined) {
      return req.headers["sec-fetch-site"] !== "cross-site";
    }
    if (origins.has(origin)) {
      return true;
    }
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  };
}

export type OriginCheck = ReturnType<typeof createOriginCheck>;
