/** The public booking page: plain HTML, no script, one form per slot. */

export function escapeHtml(value: string) {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function layout(title: string, body: string) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1f2933}
h1{font-size:1.4rem}h2{font-size:1.05rem;margin-top:1.5rem}
form{display:inline-block;margin:.25rem}
button{padding:.5rem .8rem;border:1px solid #52606d;border-radius:.4rem;background:#fff;cursor:pointer}
.notice{padding:.75rem;border-radius:.4rem;background:#fff3c4}
</style>
</head>
<body>
${body}
</body>
</html>`;
}

export function messagePage(title: string, message: string) {
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`,
  );
}

function dayLabel(at: Date, timeZone: string) {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "long",
    month: "long",
    day: "numeric",
  }).format(at);
}

export function timeLabel(at: Date, timeZone: string) {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    hour: "numeric",
    minute: "2-digit",
  }).format(at);
}

export function whenLabel(at: Date, timeZone: string) {
  return `${dayLabel(at, timeZone)} at ${timeLabel(at, timeZone)}`;
}

export function slotsPage(options: {
  action: string;
  shopName: string;
  timeZone: string;
  vehicle: { make: string; model: string; year: number };
  slots: Date[];
  notice?: string | undefined;
}) {
  const { vehicle, timeZone } = options;
  const byDay = new Map<string, Date[]>();
  for (const slot of options.slots) {
    const day = dayLabel(slot, timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }
  const days = [...byDay]
    .map(
      ([day, slots]) =>
        `<h2>${escapeHtml(day)}</h2>\n` +
        slots
          .map(
            (slot) =>
              `<form method="post" action="${escapeHtml(options.action)}">` +
              `<input type="hidden" name="slot" value="${slot.toISOString()}">` +
              `<button type="submit">${escapeHtml(timeLabel(slot, timeZone))}</button></form>`,
          )
          .join("\n"),
    )
    .join("\n");
  const notice = options.notice
    ? `<p class="notice">${escapeHtml(options.notice)}</p>\n`
    : "";
  const title = `Book your ${vehicle.year} ${vehicle.make} ${vehicle.model}`;

  return layout(
    `${title} · ${options.shopName}`,
    `<h1>${escapeHtml(title)}</h1>\n${notice}` +
      `<p>Pick a time at ${escapeHtml(options.shopName)}.</p>\n` +
      (days ||
        "<p>No times are free in the next two weeks; please call us.</p>"),
  );
}
