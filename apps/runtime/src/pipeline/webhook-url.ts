import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { isPrivateAddress } from "./private-address";

/**
 * Why an endpoint URL is refused, or undefined when it is fine: https only, and no loopback,
 * private or link-local address (as written or as its name resolves now; deliveries check again
 * when they connect). `allowPrivate` (CONVO_ALLOW_PRIVATE_HTTP, for tests and local setups) lifts
 * both rules.
 */
export async function webhookUrlProblem(
  text: string,
  allowPrivate: boolean,
): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "is not a URL";
  }
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) {
    return "must be an https URL";
  }
  if (url.username !== "" || url.password !== "") return "must not carry a user name or password";
  if (allowPrivate) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return isPrivateAddress(host) ? `${host} is a private address` : undefined;
  try {
    const addresses = await lookup(host, { all: true });
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    return bad ? `${host} resolves to a private address (${bad.address})` : undefined;
  } catch {
    return `${host} does not resolve`;
  }
}
