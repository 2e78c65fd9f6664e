const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "short",
});
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });
const money = new Intl.NumberFormat(undefined, {
  style: "currency",
  currency: "USD",
});
const count = new Intl.NumberFormat();

export const formatDate = (date: Date) => dateFormat.format(date);
const calendarDateFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeZone: "UTC",
});
/**
 * A calendar day ("2026-07-08", as the shop's clock had it) in the same
 * style as formatDate, without any time zone moving it a day.
 */
export const formatCalendarDate = (day: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(day)
    ? calendarDateFormat.format(new Date(`${day}T00:00:00Z`))
    : day;
export const formatDateTime = (date: Date) => dateTimeFormat.format(date);
export const formatTime = (date: Date) => timeFormat.format(date);
export const formatCents = (cents: number) => money.format(cents / 100);
export const formatCount = (value: number) => count.format(value);

/** A yyyy-mm-dd value for a date input, in the viewer's time zone. */
export function toDateInputValue(date: Date) {
  const offsetMs = date.getTimezoneOffset() * 60_000;

  return new Date(date.getTime() - offsetMs).toISOString().slice(0, 10);
}

/** A date input's value as noon local time, so no time zone moves its day. */
export function fromDateInputValue(value: string) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(`${value}T12:00:00`)
    : undefined;
}
