import { describe, expect, it } from 'vitest';
import {
  analyzeCidrs,
  describeAddressCount,
  describeCoverage,
  splitCidrText,
} from './cidr-input-model';

describe('splitCidrText', () => {
  it.each([
    ['10.0.0.0/8', ['10.0.0.0/8']],
    ['10.0.0.0/8,192.168.0.0/16', ['10.0.0.0/8', '192.168.0.0/16']],
    ['10.0.0.0/8\n\n 2001:db8::/32 ;1.2.3.4/32', ['10.0.0.0/8', '2001:db8::/32', '1.2.3.4/32']],
    ['  \n , ', []],
  ])('splits %j', (text, expected) => {
    expect(splitCidrText(text)).toEqual(expected);
  });
});

describe('describeAddressCount', () => {
  it.each([
    ['IPv4', 32, '1 address'],
    ['IPv4', 24, '256 addresses'],
    ['IPv4', 8, '16,777,216 addresses'],
    ['IPv4', 0, '4,294,967,296 addresses'],
    ['IPv6', 128, '1 address'],
    ['IPv6', 64, '2^64 addresses'],
    ['IPv6', 0, '2^128 addresses'],
  ] as const)('%s /%i covers %s', (family, prefix, expected) => {
    expect(describeAddressCount(family, prefix)).toBe(expected);
  });
});

describe('analyzeCidrs', () => {
  it('describes valid, invalid, host-bit, duplicate and covered entries', () => {
    const infos = analyzeCidrs([
      '10.0.0.0/8',
      '10.1.2.3/8',
      '10.5.0.0/16',
      '300.1.1.1/24',
      '192.168.1.0/24',
      '2001:db8::1/32',
      '2001:db8:1::/48',
      '10.0.0.',
    ]);
    expect(infos[0]).toEqual({
      cidr: '10.0.0.0/8',
      family: 'IPv4',
      prefix: 8,
      addresses: '16,777,216 addresses',
    });
    expect(infos[1]).toMatchObject({ normalized: '10.0.0.0/8', duplicateOf: 0 });
    expect(infos[2]).toMatchObject({ containedIn: 0, addresses: '65,536 addresses' });
    expect(infos[2]?.normalized).toBeUndefined();
    expect(infos[3]?.problem).toContain('is not an IPv4 address');
    expect(infos[4]).toMatchObject({ family: 'IPv4', prefix: 24 });
    expect(infos[4]?.containedIn).toBeUndefined();
    expect(infos[5]).toMatchObject({ family: 'IPv6', normalized: '2001:db8::/32' });
    expect(infos[6]).toMatchObject({ containedIn: 5, addresses: '2^80 addresses' });
    expect(infos[7]?.problem).toContain('has no prefix length');
  });

  it('does not call a differently spelled IPv6 network "host bits set"', () => {
    const [info] = analyzeCidrs(['2001:0db8:0000::/32']);
    expect(info?.normalized).toBeUndefined();
    expect(info?.problem).toBeUndefined();
  });

  it('says an emptied entry is empty', () => {
    expect(analyzeCidrs([''])[0]?.problem).toBe(
      'This entry is empty; type a CIDR block such as 10.0.0.0/8, or remove it',
    );
  });

  it('keeps every entry, in order, even when all are invalid', () => {
    const cidrs = ['nope', '1.2.3.4', '::/129'];
    expect(analyzeCidrs(cidrs).map((info) => info.cidr)).toEqual(cidrs);
    expect(analyzeCidrs(cidrs).every((info) => info.problem !== undefined)).toBe(true);
  });
});

describe('describeCoverage', () => {
  it.each([
    [[], 'No addresses'],
    [['10.0.0.0/8', '10.1.0.0/16', '10.0.0.0/8'], '16,777,216 IPv4 addresses'],
    [['1.2.3.4/32'], '1 IPv4 address'],
    [['10.0.0.0/24', '10.0.1.0/24', 'bad'], '512 IPv4 addresses'],
    [['2001:db8::/32'], '2^96 IPv6 addresses'],
    [['2001:db8::/32', '2001:db9::/32'], '2^97 IPv6 addresses'],
    [['2001:db8::/32', '2001:db9::/48'], 'about 2^96.0 IPv6 addresses'],
    [['10.0.0.0/31', '::1/128'], '2 IPv4 addresses and 1 IPv6 address'],
  ])('%j covers %s', (cidrs, expected) => {
    expect(describeCoverage(analyzeCidrs(cidrs))).toBe(expected);
  });
});
