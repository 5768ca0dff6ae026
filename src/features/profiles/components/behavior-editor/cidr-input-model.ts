/**
 * The CIDR set editor's model: how pasted text splits into entries and what each entry of a
 * `value.cidrs` list means (its address count, host bits, duplicates, blocks inside other blocks).
 * Invalid entries are described, never removed: the analyst decides what to do with them.
 */

import ipaddr from 'ipaddr.js';
import { cidrProblem } from '../../../../domain/validation';

export type IpFamily = 'IPv4' | 'IPv6';

export interface CidrEntryInfo {
  /** The entry as stored. */
  cidr: string;
  /** Why it is not a CIDR block (the domain's message); undefined when it is one. */
  problem?: string;
  family?: IpFamily;
  prefix?: number;
  /** The network the block stands for, when the entry has host bits set: "10.0.0.0/8". */
  normalized?: string;
  /** Index of the earlier entry this one repeats (same network and prefix). */
  duplicateOf?: number;
  /** Index of a wider entry that already covers this one. */
  containedIn?: number;
  /** "16,777,216 addresses" (IPv4) or "2^64 addresses" (IPv6). */
  addresses?: string;
}

interface ParsedBlock {
  family: IpFamily;
  /** The address as written, and the network it falls in. */
  address: ipaddr.IPv4 | ipaddr.IPv6;
  network: ipaddr.IPv4 | ipaddr.IPv6;
  prefix: number;
  key: string;
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-US');

/** Splits pasted text into entries: separated by newlines, commas, semicolons or spaces. */
export function splitCidrText(text: string): string[] {
  return text.split(/[\s,;]+/).filter((token) => token !== '');
}

/** How many addresses a block of that family and prefix length covers, in words. */
export function describeAddressCount(family: IpFamily, prefix: number): string {
  const bits = (family === 'IPv4' ? 32 : 128) - prefix;
  if (family === 'IPv4') {
    const count = 2 ** bits;
    return `${NUMBER_FORMAT.format(count)} ${count === 1 ? 'address' : 'addresses'}`;
  }
  return bits === 0 ? '1 address' : `2^${bits} addresses`;
}

function parseBlock(cidr: string): ParsedBlock | undefined {
  if (cidrProblem(cidr) !== undefined) return undefined;
  const family: IpFamily = cidr.includes(':') ? 'IPv6' : 'IPv4';
  const network =
    family === 'IPv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(cidr)
      : ipaddr.IPv6.networkAddressFromCIDR(cidr);
  const slash = cidr.lastIndexOf('/');
  const address =
    family === 'IPv4'
      ? ipaddr.IPv4.parse(cidr.slice(0, slash))
      : ipaddr.IPv6.parse(cidr.slice(0, slash));
  const prefix = Number(cidr.slice(slash + 1));
  return { family, address, network, prefix, key: `${network.toString()}/${prefix}` };
}

/** Whether `inner` lies inside `outer` (same family, outer no longer, network matches). */
function contains(outer: ParsedBlock, inner: ParsedBlock): boolean {
  if (outer.family !== inner.family || outer.prefix > inner.prefix) return false;
  return inner.network.match(outer.network, outer.prefix);
}

/**
 * What each entry of a CIDR list is: its problem or its family, prefix, address count, the
 * normalised network when host bits are set, and whether it repeats or sits inside another entry.
 */
export function analyzeCidrs(cidrs: readonly string[]): CidrEntryInfo[] {
  const blocks = cidrs.map(parseBlock);
  const firstByKey = new Map<string, number>();
  return cidrs.map((cidr, index) => {
    const block = blocks[index];
    if (block === undefined) {
      const problem =
        cidr.trim() === ''
          ? 'This entry is empty; type a CIDR block such as 10.0.0.0/8, or remove it'
          : (cidrProblem(cidr) ?? `${cidr} is not a CIDR block`);
      return { cidr, problem };
    }
    const info: CidrEntryInfo = {
      cidr,
      family: block.family,
      prefix: block.prefix,
      addresses: describeAddressCount(block.family, block.prefix),
    };
    if (block.address.toString() !== block.network.toString()) info.normalized = block.key;
    const first = firstByKey.get(block.key);
    if (first !== undefined) info.duplicateOf = first;
    else {
      firstByKey.set(block.key, index);
      const outer = blocks.findIndex(
        (other, otherIndex) =>
          other !== undefined &&
          otherIndex !== index &&
          other.key !== block.key &&
          contains(other, block),
      );
      if (outer >= 0) info.containedIn = outer;
    }
    return info;
  });
}

/**
 * The addresses the valid entries cover together. CIDR blocks either nest or are disjoint, so the
 * union is the sum of the blocks no other block contains.
 */
export function describeCoverage(infos: readonly CidrEntryInfo[]): string {
  let v4 = 0n;
  let v6 = 0n;
  for (const info of infos) {
    if (info.family === undefined || info.prefix === undefined) continue;
    if (info.duplicateOf !== undefined || info.containedIn !== undefined) continue;
    if (info.family === 'IPv4') v4 += 1n << BigInt(32 - info.prefix);
    else v6 += 1n << BigInt(128 - info.prefix);
  }
  const parts: string[] = [];
  if (v4 > 0n)
    parts.push(`${NUMBER_FORMAT.format(v4)} IPv4 ${v4 === 1n ? 'address' : 'addresses'}`);
  if (v6 > 0n)
    parts.push(`${describeBigPowerOfTwo(v6)} IPv6 ${v6 === 1n ? 'address' : 'addresses'}`);
  return parts.length === 0 ? 'No addresses' : parts.join(' and ');
}

/** 2^64 exactly when the total is a power of two, else "about 2^64.6". */
function describeBigPowerOfTwo(total: bigint): string {
  const bits = total.toString(2).length - 1;
  if (total === 1n << BigInt(bits)) return bits === 0 ? '1' : `2^${bits}`;
  // The leading 53 bits give log2 to well within the one decimal shown.
  const shift = Math.max(0, bits - 52);
  const log2 = Math.log2(Number(total >> BigInt(shift))) + shift;
  return `about 2^${log2.toFixed(1)}`;
}
