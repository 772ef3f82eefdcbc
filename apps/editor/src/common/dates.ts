const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date and time as `toLocaleString(locale)` writes it, from one formatter per language: making
 * a formatter per call (what `toLocaleString` does) was most of the flows list's first render at
 * 500 flows.
 */
export function formatDateTime(at: string | number | Date, locale: string): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formats.set(locale, format);
  }
  return format.format(typeof at === "string" ? new Date(at) : at);
}
