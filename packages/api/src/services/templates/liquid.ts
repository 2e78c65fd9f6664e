import { Liquid } from "liquidjs";

import { DomainError } from "../../errors.ts";

/**
 * One engine for every template. Unknown variables and filters are errors
 * (a typo must not mail "Hi ," to a thousand customers) and every value is
 * HTML-escaped unless a template says `| raw`.
 */
export const htmlEngine = new Liquid({
  strictVariables: true,
  strictFilters: true,
  outputEscape: "escape",
  ownPropertyOnly: true,
});

/** Subjects and text bodies are not HTML, so nothing is escaped there. */
export const textEngine = new Liquid({
  strictVariables: true,
  strictFilters: true,
  ownPropertyOnly: true,
});

type Part = "subject" | "html" | "text";

/** Renders one part, turning a Liquid error into BAD_REQUEST with its place. */
export function renderPart(
  part: Part,
  source: string,
  variables: Record<string, unknown>,
) {
  const engine = part === "html" ? htmlEngine : textEngine;
  try {
    return engine.parseAndRenderSync(source, variables) as string;
  } catch (error) {
    throw templateError(part, error);
  }
}

function templateError(part: Part, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  const position = (
    error as { token?: { getPosition?: () => [number, number] } }
  ).token?.getPosition?.();
  const [line, column] = position ?? [1, 1];
  const reason = message.replace(/, line:\d+, col:\d+$/, "");

  return new DomainError(
    "INVALID_INPUT",
    `line ${line}, column ${column}: ${reason}`,
    part,
  );
}
