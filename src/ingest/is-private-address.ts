import { BlockList, isIP } from 'node:net';

/** Ranges no fetch may reach without `--allow-private`: private, loopback, link-local, CGNAT, reserved. */
const IPV4_BLOCKED: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
];

const IPV6_BLOCKED: Array<[string, number]> = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215): addresses of one's own network
];

function createBlockList(): BlockList {
  const list = new BlockList();
  for (const [net, prefix] of IPV4_BLOCKED) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of IPV6_BLOCKED) list.addSubnet(net, prefix, 'ipv6');
  return list;
}

const blocked = createBlockList();

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted quad read as two groups). */
function ipv6Groups(ip: string): number[] {
  let text = ip.toLowerCase();
  let tail: number[] = [];
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    tail = [(a << 8) | b, (c << 8) | d];
    text = text.slice(0, -dotted[0].length);
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((h) => parseInt(h, 16)));
  const [head = '', rest] = text.split('::');
  if (rest === undefined) return [...parse(head), ...tail];
  const before = parse(head);
  const after = [...parse(rest), ...tail];
  return [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
}

/**
 * Every IPv4 address an IPv6 address carries, by the forms that route to it: IPv4-mapped
 * (`::ffff:a.b.c.d`), IPv4-compatible (`::a.b.c.d`), IPv4-translated (`::ffff:0:a.b.c.d`), NAT64
 * (`64:ff9b::/96`), 6to4 (`2002:AABB:CCDD::/48`) and Teredo (`2001:0::/32`: the server, and the
 * client's address stored inverted in the last 32 bits).
 */
function embeddedIpv4s(ip: string): string[] {
  const g = ipv6Groups(ip);
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const found: string[] = [];
  if (zero(0, 5) && (g5 === 0xffff || g5 === 0)) found.push(v4(g6, g7));
  if (zero(0, 4) && g4 === 0xffff && g5 === 0) found.push(v4(g6, g7));
  if (g0 === 0x64 && g1 === 0xff9b && zero(2, 6)) found.push(v4(g6, g7));
  if (g0 === 0x2002) found.push(v4(g1, g2));
  if (g0 === 0x2001 && g1 === 0) found.push(v4(g2, g3), v4(g6 ^ 0xffff, g7 ^ 0xffff));
  return found;
}

/**
 * Tells whether an IP address is one a fetch must not reach by default: private, loopback,
 * link-local, unique-local, CGNAT, multicast or reserved, in IPv4 or IPv6, including every IPv6
 * form that carries such an IPv4 address (see `embeddedIpv4s`).
 * Anything that is not a valid IP address counts as private, so a mistake fails closed.
 */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, 'ipv4');
  if (family !== 6) return true;
  if (embeddedIpv4s(bare).some((v4) => blocked.check(v4, 'ipv4'))) return true;
  return blocked.check(bare, 'ipv6');
}
