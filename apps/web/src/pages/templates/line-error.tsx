import { Code, Stack, Text } from "@mantine/core";

import type { TemplateProblem } from "./template-values.ts";

/**
 * A render error beside the lines around it, the failing one marked, so
 * staff see the place without counting lines in the box.
 */
export function LineError(props: { source: string; problem: TemplateProblem }) {
  const { line, column, reason } = props.problem;
  const lines = props.source.split("\n");
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const excerpt = lines
    .slice(first - 1, last)
    .map((text, index) => {
      const number = first + index;
      const marker = number === line ? ">" : " ";

      return `${marker} ${String(number).padStart(width)} | ${text}`;
    })
    .join("\n");

  return (
    <Stack gap={4} component="span">
      <Text component="span" size="sm" c="red.8">
        Line {line}, column {column}: {reason}
      </Text>
      {line <= lines.length ? (
        <Code block component="span" c="dark.9" aria-label={`Line ${line}`}>
          {excerpt}
        </Code>
      ) : null}
    </Stack>
  );
}
