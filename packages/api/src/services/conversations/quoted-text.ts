/**
 * The new part of a reply, for display: quoted history and signatures are
 * cut off. The full body is stored; this only decides what staff see first.
 */
export function visibleReply(text: string) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const cut = firstCut(lines);
  const kept = lines
    .slice(0, cut)
    .filter((line) => !/^\s*>/.test(line))
    .join("\n")
    .trim();

  // A reply that is all quote (say, inline answers only) is shown whole.
  return kept.length > 0 ? kept : text.trim();
}

const signatureLine = [
  /^--\s?$/,
  /^sent from my \w+/i,
  /^get outlook for /i,
  /^sent from (outlook|mail|yahoo mail)/i,
];

const historyLine = [
  /^-{2,}\s*original message\s*-{2,}/i,
  /^-{2,}\s*forwarded message\s*-{2,}/i,
  /^begin forwarded message:/i,
  /^_{10,}\s*$/,
];

function firstCut(lines: string[]) {
  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] ?? "").trim();
    if (
      signatureLine.some((pattern) => pattern.test(line)) ||
      historyLine.some((pattern) => pattern.test(line)) ||
      isAttribution(lines, index) ||
      isOutlookHeader(lines, index)
    ) {
      return index;
    }
    if (/^>/.test(line) && isQuoteToEnd(lines, index)) {
      return index;
    }
  }

  return lines.length;
}

/** Gmail and Apple Mail: "On <date>, <name> wrote:", wrapped or not. */
function isAttribution(lines: string[], index: number) {
  const line = (lines[index] ?? "").trim();
  if (!/^on\s/i.test(line)) {
    return false;
  }
  const joined = lines
    .slice(index, index + 3)
    .map((l) => l.trim())
    .join(" ");

  return /^on\s.{4,300}?\swrote:/i.test(joined);
}

/** Outlook: a "From:" line with "Sent:" or "Date:" close below. */
function isOutlookHeader(lines: string[], index: number) {
  if (!/^\*?from:\*?\s/i.test((lines[index] ?? "").trim())) {
    return false;
  }

  return lines
    .slice(index + 1, index + 5)
    .some((line) => /^\*?(sent|date):\*?\s/i.test(line.trim()));
}

/** A quote block that nothing new follows: the rest is history. */
function isQuoteToEnd(lines: string[], index: number) {
  return lines
    .slice(index)
    .every((line) => line.trim() === "" || /^\s*>/.test(line));
}
