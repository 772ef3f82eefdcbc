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
