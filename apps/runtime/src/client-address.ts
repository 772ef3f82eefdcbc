import ipaddr from "ipaddr.js";

/** Proxies whose `X-Forwarded-For` is believed: addresses and CIDR ranges (`CONVO_TRUSTED_PROXIES`). */
export type TrustedProxies = readonly (readonly [ipaddr.IPv4 | ipaddr.IPv6, number])[];

/** An address as one form: `::ffff:10.0.0.1` is `10.0.0.1`, so both count as one. */
function parsed(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const bare = text.trim().replace(/^\[(.*)\]$/, "$1");
  const valid = ipaddr.IPv4.isValidFourPartDecimal(bare) || ipaddr.IPv6.isValid(bare);
  return valid ? ipaddr.process(bare) : undefined;
}

/**
 * `127.0.0.1,10.0.0.0/8,::1` as ranges (a lone address is its own range). Returns the entries that
 * are neither, for the configuration's error, beside the ranges of those that are.
 */
export function parseTrustedProxies(text: string): { ranges: TrustedProxies; bad: string[] } {
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  const bad: string[] = [];
  for (const entry of text.split(",").map((e) => e.trim())) {
    if (entry === "") continue;
    if (entry.includes("/")) {
      try {
        const [address, bits] = ipaddr.parseCIDR(entry);
        // A range written in the IPv4-mapped form is the IPv4 range it maps.
        if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
          ranges.push([(address as ipaddr.IPv6).toIPv4Address(), Math.max(0, bits - 96)]);
        } else ranges.push([address, bits]);
      } catch {
        bad.push(entry);
      }
      continue;
    }
    const address = parsed(entry);
    if (address) ranges.push([address, address.kind() === "ipv4" ? 32 : 128]);
    else bad.push(entry);
  }
  return { ranges, bad };
}

function trusted(address: ipaddr.IPv4 | ipaddr.IPv6, ranges: TrustedProxies): boolean {
  return ranges.some(
    ([range, bits]) => range.kind() === address.kind() && address.match([range, bits]),
  );
}

/**
 * The client a request comes from. The TCP peer, unless it is a trusted proxy: then the
 * `X-Forwarded-For` hops are read from the right (each proxy appends the address it was reached
 * from) and the first hop that is not a trusted proxy is the client. Anything left of it was
 * written by the client itself and could be forged, so it is never read. Without trusted proxies
 * the header is ignored.
 */
export function clientAddress(
  peer: string | null,
  forwardedFor: string | undefined,
  ranges: TrustedProxies,
): string | null {
  if (peer === null || ranges.length === 0 || forwardedFor === undefined) return peer;
  let hop = parsed(peer);
  if (!hop || !trusted(hop, ranges)) return peer;
  const hops = forwardedFor.split(",");
  for (let i = hops.length - 1; i >= 0; i--) {
    const next = parsed(hops[i] as string);
    // Not an address: no proxy of ours wrote it, so the last hop we trust is as far as we go.
    if (!next) break;
    hop = next;
    if (!trusted(hop, ranges)) break;
  }
  return hop.toString();
}
