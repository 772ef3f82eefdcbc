import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * IPv6 forms that carry an IPv4 address, and where it sits (the 16-bit parts it takes). The
 * address they reach is that IPv4 address, so it is judged instead: `::ffff:7f00:1` is 127.0.0.1.
 */
const EMBEDS_IPV4: Readonly<Record<string, number>> = {
  ipv4Mapped: 6, // ::ffff:a.b.c.d (RFC 4291)
  rfc6145: 6, // ::ffff:0:a.b.c.d (SIIT, RFC 6145)
  "6to4": 1, // 2002:aabb:ccdd::/48 (RFC 3056)
};

/** The NAT64 well-known prefix 64:ff9b::/96 (RFC 6052) carries the IPv4 address in its last 32 bits. */
const NAT64 = ipaddr.IPv6.parse("64:ff9b::");
/** IPv4-compatible ::a.b.c.d (deprecated by RFC 4291): ipaddr.js counts it as unicast. */
const IPV4_COMPATIBLE = ipaddr.IPv6.parse("::");

function ipv4At(address: ipaddr.IPv6, part: number): ipaddr.IPv4 {
  const [high = 0, low = 0] = address.parts.slice(part, part + 2);
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/**
 * True for addresses a bot must not reach on a marketer's behalf: anything but ordinary public
 * unicast by ipaddr.js's range list (loopback, private, link-local, carrier-grade NAT, unique and
 * site-local, multicast, documentation, benchmarking, Teredo, …), and IPv6 forms of such IPv4
 * addresses (mapped, SIIT, 6to4, NAT64, IPv4-compatible). Anything that is not an IP is refused.
 *
 * @example isPrivateAddress("::ffff:7f00:1") // true: it is 127.0.0.1
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 4) return ipaddr.IPv4.parse(address).range() !== "unicast";
  const v6 = ipaddr.IPv6.parse(address);
  const range = v6.range();
  const embedded = EMBEDS_IPV4[range];
  if (embedded !== undefined) return isPrivateAddress(ipv4At(v6, embedded).toString());
  if (range === "rfc6052") {
    // The well-known /96 reaches the IPv4 address it carries; the local-use /48 is a private network.
    if (!v6.match(NAT64, 96)) return true;
    return isPrivateAddress(ipv4At(v6, 6).toString());
  }
  if (range !== "unicast") return true;
  return v6.match(IPV4_COMPATIBLE, 96);
}
