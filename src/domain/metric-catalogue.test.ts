import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_METRICS,
  COUNT_DURATIONS,
  builtInMetric,
  customMetricDefinition,
  describeValueType,
  joinWithOr,
  resolveMetric,
} from './metric-catalogue';
import type { CustomMetricType } from './security-profile';

const NUMBER_OPS = ['less-than', 'less-than-equals', 'greater-than', 'greater-than-equals'];

describe('the built-in metrics', () => {
  it('lists each documented metric once, all with the aws: prefix', () => {
    const names = BUILT_IN_METRICS.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => n.startsWith('aws:'))).toBe(true);
    expect(names).toHaveLength(17);
  });

  it('leaves out aws:disconnect-duration, which no authoritative page describes', () => {
    expect(builtInMetric('aws:disconnect-duration')).toBeUndefined();
  });

  it.each([
    // name, side, valueType, valueMember, durations, statistical, ml, dimension, mlDimension
    ['aws:message-byte-size', 'cloud', 'number', 'count', COUNT_DURATIONS, true, true, true, true],
    ['aws:num-messages-sent', 'cloud', 'number', 'count', COUNT_DURATIONS, true, true, true, true],
    [
      'aws:num-messages-received',
      'cloud',
      'number',
      'count',
      COUNT_DURATIONS,
      true,
      true,
      true,
      true,
    ],
    [
      'aws:num-authorization-failures',
      'cloud',
      'number',
      'count',
      COUNT_DURATIONS,
      true,
      true,
      true,
      true,
    ],
    ['aws:source-ip-address', 'cloud', 'ip-address-list', 'cidrs', [], false, false, true, false],
    [
      'aws:num-connection-attempts',
      'cloud',
      'number',
      'count',
      COUNT_DURATIONS,
      true,
      true,
      false,
      false,
    ],
    ['aws:num-disconnects', 'cloud', 'number', 'count', COUNT_DURATIONS, true, true, false, false],
    ['aws:all-bytes-out', 'device', 'number', 'count', COUNT_DURATIONS, true, true, false, false],
    ['aws:all-bytes-in', 'device', 'number', 'count', COUNT_DURATIONS, true, true, false, false],
    ['aws:all-packets-out', 'device', 'number', 'count', COUNT_DURATIONS, true, true, false, false],
    ['aws:all-packets-in', 'device', 'number', 'count', COUNT_DURATIONS, true, true, false, false],
    [
      'aws:num-listening-tcp-ports',
      'device',
      'number',
      'count',
      COUNT_DURATIONS,
      true,
      true,
      false,
      false,
    ],
    [
      'aws:num-listening-udp-ports',
      'device',
      'number',
      'count',
      COUNT_DURATIONS,
      true,
      true,
      false,
      false,
    ],
    [
      'aws:num-established-tcp-connections',
      'device',
      'number',
      'count',
      COUNT_DURATIONS,
      true,
      true,
      false,
      false,
    ],
    [
      'aws:destination-ip-addresses',
      'device',
      'ip-address-list',
      'cidrs',
      [],
      false,
      false,
      false,
      false,
    ],
    ['aws:listening-tcp-ports', 'device', 'port-list', 'ports', [], false, false, false, false],
    ['aws:listening-udp-ports', 'device', 'port-list', 'ports', [], false, false, false, false],
  ] as const)(
    '%s: %s-side %s, value.%s',
    (name, side, valueType, valueMember, durations, statistical, ml, dimension, mlDimension) => {
      const metric = builtInMetric(name);
      expect(metric).toMatchObject({
        side,
        valueType,
        valueMember,
        statistical,
        ml,
        dimension,
        mlDimension,
      });
      expect(metric?.durations).toEqual(durations);
      expect(metric?.displayName).not.toBe('');
      expect(metric?.description).not.toBe('');
    },
  );

  it.each([
    ['number', NUMBER_OPS],
    ['ip-address-list', ['in-cidr-set', 'not-in-cidr-set']],
    ['port-list', ['in-port-set', 'not-in-port-set']],
  ])('every %s metric takes exactly the operators %j', (valueType, operators) => {
    const metrics = BUILT_IN_METRICS.filter((m) => m.valueType === valueType);
    expect(metrics.length).toBeGreaterThan(0);
    for (const metric of metrics) expect([...metric.operators]).toEqual(operators);
  });

  it('counts 13 ML metrics (6 cloud-side, 7 device-side) as the ML Detect page says', () => {
    const ml = BUILT_IN_METRICS.filter((m) => m.ml);
    expect(ml.filter((m) => m.side === 'cloud')).toHaveLength(6);
    expect(ml.filter((m) => m.side === 'device')).toHaveLength(7);
  });
});

describe('custom metric definitions', () => {
  it.each([
    ['number', 'number', NUMBER_OPS, 'number', COUNT_DURATIONS, true, true],
    ['number-list', 'number-list', ['in-set', 'not-in-set'], 'numbers', [], false, false],
    ['string-list', 'string-list', ['in-set', 'not-in-set'], 'strings', [], false, false],
    [
      'ip-address-list',
      'ip-address-list',
      ['in-cidr-set', 'not-in-cidr-set'],
      'cidrs',
      [],
      false,
      false,
    ],
  ] as const)(
    'a %s custom metric compares with %s operators on value.%s',
    (metricType, valueType, operators, valueMember, durations, statistical, ml) => {
      const metric = customMetricDefinition({ metricName: 'battery', metricType });
      expect(metric).toMatchObject({
        name: 'battery',
        side: 'custom',
        valueType,
        valueMember,
        statistical,
        ml,
        dimension: false,
        mlDimension: false,
        unit: '',
      });
      expect([...metric.operators]).toEqual(operators);
      expect(metric.durations).toEqual(durations);
    },
  );

  it.each([
    [undefined, 'battery'],
    ['', 'battery'],
    ['Battery level', 'Battery level'],
  ])('display name %j shows as %j', (displayName, expected) => {
    const metric = customMetricDefinition({
      metricName: 'battery',
      metricType: 'number',
      ...(displayName === undefined ? {} : { displayName }),
    });
    expect(metric.displayName).toBe(expected);
  });
});

describe('resolveMetric', () => {
  const custom = new Map<string, CustomMetricType>([
    ['battery', 'number'],
    ['wifi-ssids', 'string-list'],
  ]);

  it.each([
    ['aws:num-messages-sent', 'aws:num-messages-sent', 'cloud'],
    ['battery', 'battery', 'custom'],
    ['wifi-ssids', 'wifi-ssids', 'custom'],
  ])('resolves %s', (name, expectedName, side) => {
    expect(resolveMetric(name, custom)).toMatchObject({ name: expectedName, side });
  });

  it.each([['aws:no-such-metric'], ['aws:battery'], ['unknown'], ['']])(
    'does not resolve %j',
    (name) => {
      expect(resolveMetric(name, custom)).toBeUndefined();
    },
  );
});

describe('sentence helpers', () => {
  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a or b'],
    [['a', 'b', 'c'], 'a, b or c'],
  ])('joinWithOr(%j) is %j', (items, expected) => {
    expect(joinWithOr(items)).toBe(expected);
  });

  it.each([
    ['aws:num-messages-sent', 'a number metric'],
    ['aws:source-ip-address', 'an IP address list metric'],
    ['aws:listening-tcp-ports', 'a port list metric'],
  ])('%s is %s', (name, expected) => {
    const metric = builtInMetric(name);
    expect(metric && describeValueType(metric)).toBe(expected);
  });

  it('names custom types as custom', () => {
    expect(
      describeValueType(customMetricDefinition({ metricName: 'x', metricType: 'string-list' })),
    ).toBe('a string list custom metric');
  });
});
