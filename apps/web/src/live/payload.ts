/**
 * Readers for event payloads, which are plain JSON shaped by their type.
 * They stay free of zod so the live path adds nothing to the first load.
 */
export function numberIn(payload: Record<string, unknown>, key: string) {
  const value = payload[key];

  return typeof value === "number" ? value : undefined;
}

export function textIn(payload: Record<string, unknown>, key: string) {
  const value = payload[key];

  return typeof value === "string" ? value : undefined;
}
