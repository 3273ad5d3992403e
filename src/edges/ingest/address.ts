/**
 * Step 7: which IP addresses a fetch may connect to. Only public unicast addresses, unless the caller
 * allows loopback or private ranges (a local test server, an intranet deployment). Range names are
 * ipaddr.js's. IPv6 forms that carry an IPv4 address (IPv4-mapped `::ffff:a.b.c.d`, SIIT, NAT64
 * `64:ff9b::/96`, 6to4 `2002::/16`) are judged by the IPv4 address inside, so `::ffff:127.0.0.1` is
 * loopback and `::ffff:169.254.169.254` is the cloud metadata service.
 */
import ipaddr from 'ipaddr.js';

export type AddressAllowance = 'loopback' | 'private';

export type AddressVerdict = { allowed: true } | { allowed: false; range: string; reason: string };

/** What each refused range is, for messages; the allowance that admits it, if any. */
const RANGE_DESCRIPTIONS: Readonly<Record<string, { description: string; allowance?: AddressAllowance }>> = {
  loopback: { description: 'a loopback address', allowance: 'loopback' },
  private: { description: 'a private address', allowance: 'private' },
  uniqueLocal: { description: 'a private (unique local) address', allowance: 'private' },
  linkLocal: { description: 'a link-local address (where cloud metadata services live)' },
  carrierGradeNat: { description: 'a carrier-grade NAT (shared) address' },
  multicast: { description: 'a multicast address' },
  unspecified: { description: 'the unspecified address' },
  broadcast: { description: 'the broadcast address' },
  reserved: { description: 'a reserved address' },
  benchmarking: { description: 'a benchmarking address' },
  deprecatedSiteLocal: { description: 'a site-local address' },
  ipv4Compatible: { description: 'a deprecated IPv4-compatible IPv6 address' },
  teredo: { description: 'a Teredo tunnel address' },
};

function embeddedIPv4(address: ipaddr.IPv6, range: string): ipaddr.IPv4 | undefined {
  const bytes = address.toByteArray();
  switch (range) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return new ipaddr.IPv4(bytes.slice(12, 16));
    case 'rfc6052':
      // Only the well-known NAT64 prefix 64:ff9b::/96 ends in the IPv4 address; 64:ff9b:1::/48 is local use.
      return address.parts[2] === 0 ? new ipaddr.IPv4(bytes.slice(12, 16)) : undefined;
    case '6to4':
      return new ipaddr.IPv4(bytes.slice(2, 6));
    default:
      return undefined;
  }
}

function rangeOf(address: ipaddr.IPv4 | ipaddr.IPv6): { range: string; via?: string } {
  if (address.kind() === 'ipv4') return { range: (address as ipaddr.IPv4).range() };
  const v6 = address as ipaddr.IPv6;
  const range = v6.range();
  const inner = embeddedIPv4(v6, range);
  if (inner !== undefined) return { range: inner.range(), via: inner.toString() };
  if (range === 'rfc6052') return { range: 'reserved' };
  // ::a.b.c.d (deprecated IPv4-compatible form); :: and ::1 are caught by their own ranges.
  if (range === 'unicast' && v6.parts.slice(0, 6).every((part) => part === 0)) return { range: 'ipv4Compatible' };
  return { range };
}

/**
 * Decide whether an IP address (v4 or v6, with or without a zone) may be fetched from. `hostname`, when
 * the address came from DNS, is named in the reason ("localhost resolves to 127.0.0.1, a loopback address").
 */
export function judgeAddress(address: string, allow: readonly AddressAllowance[] = [], hostname?: string): AddressVerdict {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
  } catch {
    return { allowed: false, range: 'invalid', reason: `${address} is not an IP address` };
  }
  const { range, via } = rangeOf(parsed);
  if (range === 'unicast') return { allowed: true };
  const known = RANGE_DESCRIPTIONS[range];
  if (known?.allowance !== undefined && allow.includes(known.allowance)) return { allowed: true };
  const description = known?.description ?? `a special-purpose address (${range})`;
  const hint = known?.allowance === undefined ? '' : ` (refused unless ${known.allowance} addresses are allowed)`;
  let subject: string;
  if (hostname === undefined) subject = via === undefined ? `${address} is` : `${address} carries the IPv4 address ${via},`;
  else subject = via === undefined ? `${hostname} resolves to ${address},` : `${hostname} resolves to ${address}, which carries the IPv4 address ${via},`;
  return { allowed: false, range, reason: `${subject} ${description}${hint}` };
}
