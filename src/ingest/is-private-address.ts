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
];

function createBlockList(): BlockList {
  const list = new BlockList();
  for (const [net, prefix] of IPV4_BLOCKED) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of IPV6_BLOCKED) list.addSubnet(net, prefix, 'ipv6');
  return list;
}

const blocked = createBlockList();

/** The IPv4 address an IPv6 address carries in its last 32 bits when it is IPv4-mapped, -compatible or NAT64. */
function embeddedIpv4(ip: string): string | null {
  const lower = ip.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1] ?? null;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return null;
  const hi = parseInt(hex[1] ?? '0', 16);
  const lo = parseInt(hex[2] ?? '0', 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/**
 * Tells whether an IP address is one a fetch must not reach by default: private, loopback,
 * link-local, unique-local, CGNAT, multicast or reserved, in IPv4 or IPv6 (IPv4-mapped included).
 * Anything that is not a valid IP address counts as private, so a mistake fails closed.
 */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, 'ipv4');
  if (family !== 6) return true;
  const v4 = embeddedIpv4(bare);
  if (v4 !== null && isIP(v4) === 4) return blocked.check(v4, 'ipv4');
  return blocked.check(bare, 'ipv6');
}
