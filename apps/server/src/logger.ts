import pino, { type DestinationStream, type Logger } from "pino";

/** Credentials that must never reach a log line, wherever they appear. */
const secretPaths = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["set-cookie"]',
  'res.headers["set-cookie"]',
  ...["password", "passwordHash", "token", "tokenHash", "sessionToken"].flatMap(
    (key) => [key, `*.${key}`],
  ),
  "secret",
  "*.secret",
];

export function createLogger(
  level: string,
  name = "rally",
  destination?: DestinationStream,
): Logger {
  return pino(
    { name, level, redact: { paths: secretPaths, censor: "[redacted]" } },
    destination,
  );
}
