import superjson from "superjson";

export interface RawCall {
  cookie?: string | undefined;
  origin?: string | undefined;
  token?: string | undefined;
}

export interface RawResult {
  status: number;
  setCookie: string[];
  /** The decoded result, or the tRPC error code. */
  data: unknown;
  code: string | undefined;
}

/** One tRPC call over plain fetch, for what the typed client hides: cookies. */
export async function rawCall(
  url: string,
  path: string,
  type: "query" | "mutation",
  input: unknown,
  options: RawCall = {},
): Promise<RawResult> {
  const encoded = JSON.stringify(superjson.serialize(input));
  const headers: Record<string, string> = {
    "content-type": "application/json",
  };
  if (options.cookie) {
    headers.cookie = options.cookie;
  }
  if (options.origin) {
    headers.origin = options.origin;
  }
  if (options.token) {
    headers.authorization = `Bearer ${options.token}`;
  }
  const response = await fetch(
    type === "query"
      ? `${url}/trpc/${path}?input=${encodeURIComponent(encoded)}`
      : `${url}/trpc/${path}`,
    {
      method: type === "query" ? "GET" : "POST",
      headers,
      ...(type === "mutation" ? { body: encoded } : {}),
    },
  );
  const body = (await response.json()) as {
    result?: { data: Parameters<typeof superjson.deserialize>[0] };
    error?: { json?: { data?: { code?: string } } };
  };

  return {
    status: response.status,
    setCookie: response.headers.getSetCookie(),
    data: body.result ? superjson.deserialize(body.result.data) : undefined,
    code: body.error?.json?.data?.code,
  };
}

/** The `name=value` part of a Set-Cookie header, to send back. */
export function cookieOf(setCookie: string[]) {
  const header = setCookie.find((each) => each.startsWith("rally_session="));

  return header?.split(";")[0];
}
