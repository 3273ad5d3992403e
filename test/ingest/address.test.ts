import { describe, expect, it } from 'vitest';
import { judgeAddress } from '../../src/edges/ingest/index.ts';

const verdict = (address: string, allow: Array<'loopback' | 'private'> = []) => {
  const v = judgeAddress(address, allow);
  return v.allowed ? 'allowed' : v.range;
};

describe('which addresses a fetch may connect to', () => {
  it.each<[string, string]>([
    ['93.184.216.34', 'allowed'],
    ['2606:2800:220:1:248:1893:25c8:1946', 'allowed'],
    ['127.0.0.1', 'loopback'],
    ['127.9.9.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['2001:2::1', 'benchmarking'],
    // IPv6 forms that carry an IPv4 address are judged by that address.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:93.184.216.34', 'allowed'],
    ['64:ff9b::a01:203', 'private'],
    ['64:ff9b::8.8.8.8', 'allowed'],
    ['2002:a9fe:a9fe::1', 'linkLocal'],
    ['::a01:203', 'ipv4Compatible'],
    ['not-an-ip', 'invalid'],
  ])('%s: %s', (address, expected) => {
    expect(verdict(address)).toBe(expected);
  });

  it('allows loopback and private ranges only when asked, never link-local or CGNAT', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].map((a) => verdict(a, ['loopback']))).toEqual(['allowed', 'allowed', 'allowed']);
    expect(['10.0.0.5', 'fd00::1'].map((a) => verdict(a, ['loopback']))).toEqual(['private', 'uniqueLocal']);
    expect(['10.0.0.5', '192.168.0.2', 'fd00::1'].map((a) => verdict(a, ['private']))).toEqual(['allowed', 'allowed', 'allowed']);
    expect(['169.254.169.254', '100.64.0.1', '0.0.0.0'].map((a) => verdict(a, ['loopback', 'private']))).toEqual(['linkLocal', 'carrierGradeNat', 'unspecified']);
  });

  it('explains a refusal, with the allowance that would admit it', () => {
    expect(judgeAddress('10.0.0.5')).toEqual({ allowed: false, range: 'private', reason: "10.0.0.5 is a private address (refused unless private addresses are allowed)" });
    expect(judgeAddress('127.0.0.1', [], 'localhost')).toMatchObject({ reason: "localhost resolves to 127.0.0.1, a loopback address (refused unless loopback addresses are allowed)" });
    expect(judgeAddress('::ffff:169.254.169.254')).toMatchObject({ reason: '::ffff:169.254.169.254 carries the IPv4 address 169.254.169.254, a link-local address (where cloud metadata services live)' });
  });
});
