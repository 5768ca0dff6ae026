/**
 * Fault injection for the local endpoint: added latency and a share of requests answered with
 * ThrottlingException, InternalFailureException or a dropped connection, so the app's retry,
 * error and offline paths can be exercised against the real wire instead of mocks.
 */

/** What the endpoint does to AWS API requests; all shares are in [0, 1] and sum to at most 1. */
export interface FaultSettings {
  /** Added to every faultable request before it is answered (or dropped), in milliseconds. */
  latencyMs: number;
  /** Share answered 400 ThrottlingException. */
  throttle: number;
  /** Share answered 500 InternalFailureException. */
  internal: number;
  /** Share whose socket is destroyed without an answer. */
  drop: number;
}

/** No faults: the default. */
export const NO_FAULTS: Readonly<FaultSettings> = Object.freeze({
  latencyMs: 0,
  throttle: 0,
  internal: 0,
  drop: 0,
});

/** Latency above this is refused: a minute already exceeds every SDK and browser timeout we use. */
export const MAX_FAULT_LATENCY_MS = 60_000;

/** What happens to one request; decided once, before any handler runs. */
export type FaultOutcome = 'none' | 'throttle' | 'internal' | 'drop';

/** One request's fate: how long to wait first, then what to do. */
export interface FaultDecision {
  latencyMs: number;
  outcome: FaultOutcome;
}

const SHARE_KEYS = ['throttle', 'internal', 'drop'] as const;

/** Refuses settings that are not finite, out of range, or whose shares add up to more than 1. */
export function validateFaultSettings(settings: FaultSettings): FaultSettings {
  const { latencyMs } = settings;
  if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > MAX_FAULT_LATENCY_MS) {
    throw new RangeError(
      `latency must be an integer number of milliseconds between 0 and ${MAX_FAULT_LATENCY_MS}, got ${String(latencyMs)}`,
    );
  }
  let total = 0;
  for (const key of SHARE_KEYS) {
    const share = settings[key];
    if (!Number.isFinite(share) || share < 0 || share > 1) {
      throw new RangeError(`${key} must be a share between 0 and 1, got ${String(share)}`);
    }
    total += share;
  }
  // A little slack so that e.g. 0.7 + 0.2 + 0.1 (0.9999999999999999 or 1.0000000000000002) passes.
  if (total > 1 + 1e-9) {
    throw new RangeError(`throttle + internal + drop must not exceed 1, got ${total}`);
  }
  return {
    latencyMs,
    throttle: settings.throttle,
    internal: settings.internal,
    drop: settings.drop,
  };
}

const SPEC_KEYS: Readonly<Record<string, keyof FaultSettings>> = {
  latency: 'latencyMs',
  throttle: 'throttle',
  internal: 'internal',
  drop: 'drop',
};

/**
 * Parses `LOCAL_AWS_FAULTS`, e.g. `latency=200,throttle=0.3,internal=0.1,drop=0.05`; keys left out
 * are 0 and an empty string means no faults. Throws a RangeError naming the bad part.
 */
export function parseFaultSpec(spec: string): FaultSettings {
  const settings: FaultSettings = { ...NO_FAULTS };
  const seen = new Set<string>();
  for (const part of spec.split(',')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const [rawKey = '', rawValue, ...rest] = trimmed.split('=');
    const key = rawKey.trim();
    const field = SPEC_KEYS[key];
    if (field === undefined || !Object.hasOwn(SPEC_KEYS, key)) {
      throw new RangeError(
        `unknown fault "${key}" in "${spec}" (known: ${Object.keys(SPEC_KEYS).join(', ')})`,
      );
    }
    if (rawValue === undefined || rest.length > 0 || rawValue.trim() === '') {
      throw new RangeError(`fault "${key}" needs one value, as in ${key}=<number>`);
    }
    if (seen.has(key)) throw new RangeError(`fault "${key}" is given twice in "${spec}"`);
    seen.add(key);
    settings[field] = Number(rawValue.trim());
  }
  return validateFaultSettings(settings);
}

/**
 * Reads a JSON body of the admin route: an object with any of `latencyMs`, `throttle`,
 * `internal`, `drop` as numbers. Members left out are 0 (a PUT replaces the whole setting).
 */
export function faultSettingsFromJson(body: Record<string, unknown>): FaultSettings {
  const settings: FaultSettings = { ...NO_FAULTS };
  for (const [key, value] of Object.entries(body)) {
    if (!Object.hasOwn(NO_FAULTS, key)) {
      throw new RangeError(`unknown member "${key}" (known: ${Object.keys(NO_FAULTS).join(', ')})`);
    }
    if (typeof value !== 'number') throw new RangeError(`${key} must be a number`);
    settings[key as keyof FaultSettings] = value;
  }
  return validateFaultSettings(settings);
}

/** Parses `LOCAL_AWS_FAULT_SEED`: an unsigned 32-bit integer. */
export function parseFaultSeed(raw: string): number {
  const seed = Number(raw.trim());
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new RangeError(
      `LOCAL_AWS_FAULT_SEED must be an integer from 0 to 4294967295, got "${raw}"`,
    );
  }
  return seed;
}

/** mulberry32: a small, fast PRNG with a 32-bit state; plenty for picking fault shares. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The endpoint's current fault setting and the dice it rolls. With a seed the sequence of
 * decisions is reproducible (one roll per request, in arrival order); without one it uses
 * Math.random. Changing the setting keeps the random sequence going.
 */
export class FaultInjector {
  private settings: FaultSettings;
  private readonly random: () => number;

  constructor(settings: FaultSettings = NO_FAULTS, seed?: number) {
    this.settings = validateFaultSettings(settings);
    this.random = seed === undefined ? Math.random : seededRandom(seed);
  }

  /** The setting in force. */
  current(): FaultSettings {
    return { ...this.settings };
  }

  /** Replaces the setting (validated first; an invalid one leaves the old in force). */
  update(settings: FaultSettings): FaultSettings {
    this.settings = validateFaultSettings(settings);
    return this.current();
  }

  /** Rolls once for a request: drop, then throttle, then internal share the unit interval. */
  decide(): FaultDecision {
    const { latencyMs, drop, throttle, internal } = this.settings;
    // No roll when nothing can happen, so a seeded run's sequence only advances under faults.
    if (drop + throttle + internal === 0) return { latencyMs, outcome: 'none' };
    const roll = this.random();
    const outcome: FaultOutcome =
      roll < drop
        ? 'drop'
        : roll < drop + throttle
          ? 'throttle'
          : roll < drop + throttle + internal
            ? 'internal'
            : 'none';
    return { latencyMs, outcome };
  }
}

/**
 * True for loopback peers (127.0.0.0/8, ::1 and their IPv4-mapped forms): the admin route
 * refuses anyone else even when the endpoint is bound to a wider interface.
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const lower = address.toLowerCase();
  if (lower === '::1' || lower === '0:0:0:0:0:0:0:1') return true;
  const v4 = lower.startsWith('::ffff:') ? lower.slice('::ffff:'.length) : lower;
  const octets = v4.split('.');
  return (
    octets.length === 4 &&
    octets[0] === '127' &&
    octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)
  );
}
