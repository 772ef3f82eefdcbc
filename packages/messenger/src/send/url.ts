const HTTP_URL = /^https?:\/\/[^\s/?#:@]+(?::\d{1,5})?(?:[/?#]\S*)?$/i;

/** Whether Messenger opens this URL: http(s), a host, no spaces, no user info. Browser-safe. */
export function isHttpUrl(value: string): boolean {
  return HTTP_URL.test(value);
}
