const HTTP_URL = /^https?:\/\/[^\s/?#:@]+(?::\d{1,5})?(?:[/?#][^\s]*)?$/i;

/**
 * True for an absolute http(s) URL with a host. A URL that starts with a template (`{{link}}`)
 * cannot be checked while drawing; the renderer checks it again before anything is sent.
 */
export function isHttpUrlOrTemplate(value: string): boolean {
  const text = value.trim();
  if (text.startsWith("{{")) return true;
  return HTTP_URL.test(text.replace(/\{\{[^}]*\}\}/g, "x"));
}

/**
 * A call button's number as Messenger takes it (`+`, a country code that does not start with 0,
 * 6 to 15 digits in all), with spaces, dots, dashes and parentheses dropped; `undefined` when it
 * is not one. Lint and the renderer both ask this, so what lint accepts is what gets sent.
 */
export function callNumber(text: string): string | undefined {
  const phone = text.replace(/[\s().-]/g, "");
  return /^\+[1-9]\d{5,14}$/.test(phone) ? phone : undefined;
}

/** Bytes the text takes in UTF-8, as Messenger counts payloads. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
