import { describe, expect, it } from 'vitest';
import type { Behavior, CustomMetricType } from './security-profile';
import {
  MAX_BEHAVIORS,
  MAX_ISSUES,
  MAX_VALUE_ELEMENTS,
  type ValidationContext,
  type ValidationIssue,
  cidrProblem,
  countValueElements,
  formatIssue,
  validateBehaviors,
  validateCreateCustomMetricRequest,
  validateCreateDimensionRequest,
  validateCreateRequest,
  validateCustomMetricDisplayName,
  validateCustomMetricName,
  validateDimensionName,
  validateDimensionStringValues,
  validateMaxResults,
  validateMetricName,
  validateName,
  validateSecurityProfileName,
  validateTagKeys,
  validateTags,
  validateUpdateRequest,
} from './validation';

const ctx: ValidationContext = {
  customMetrics: new Map<string, CustomMetricType>([
    ['battery', 'number'],
    ['wifi-ssids', 'string-list'],
    ['peer-ips', 'ip-address-list'],
    ['reboot-codes', 'number-list'],
  ]),
  dimensions: new Set(['TopicFilterDim']),
};

const ROLE = 'arn:aws:iam::123456789012:role/dd-alerts';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:dd-alerts';

/** Issues for one behavior, validated as the only member of a list. */
function check(behavior: Record<string, unknown>): ValidationIssue[] {
  return validateBehaviors([{ name: 'b', ...behavior }], ctx);
}

function staticBehavior(
  metric: string,
  criteria: Record<string, unknown>,
): Record<string, unknown> {
  return { metric, criteria };
}

/** The single issue expected, with its exact path, a message fragment and its kind. */
function expectOne(
  issues: ValidationIssue[],
  path: string,
  fragment: string,
  kind: ValidationIssue['kind'],
): void {
  expect(issues.map(formatIssue)).toHaveLength(1);
  expect(issues[0]).toMatchObject({ path, kind });
  expect(issues[0]?.message).toContain(fragment);
}

describe('formatIssue', () => {
  it.each([
    [
      { path: 'behaviors[0].name', message: 'is required', kind: 'constraint' },
      'behaviors[0].name: is required',
    ],
    [{ path: '', message: 'something', kind: 'semantic' }, 'something'],
  ] as const)('%j reads %j', (issue, expected) => {
    expect(formatIssue(issue)).toBe(expected);
  });
});

describe('behavior name (BehaviorName: 1–128, [a-zA-Z0-9:_-]+, required)', () => {
  it.each([['ok-Name:1_2'], ['a'], ['x'.repeat(128)]])('accepts %j', (name) => {
    expect(
      validateBehaviors(
        [
          {
            name,
            ...staticBehavior('aws:num-disconnects', {
              comparisonOperator: 'less-than',
              value: { count: 1 },
            }),
          },
        ],
        ctx,
      ),
    ).toEqual([]);
  });

  it.each([
    [undefined, 'is required'],
    [null, 'is required'],
    ['', 'must not be empty'],
    ['has space', 'characters that are not allowed'],
    ['x'.repeat(129), 'must be at most 128 characters; it has 129'],
    [5, 'expected a string, got a number'],
  ])('refuses %j: %s', (name, fragment) => {
    const issues = validateBehaviors(
      [
        {
          name,
          ...staticBehavior('aws:num-disconnects', {
            comparisonOperator: 'less-than',
            value: { count: 1 },
          }),
        },
      ],
      ctx,
    );
    expectOne(issues, 'behaviors[0].name', fragment, 'constraint');
  });
});

describe('metric (a built-in aws: metric or an existing custom metric)', () => {
  it.each([
    ['aws:num-messages-sent', { comparisonOperator: 'greater-than', value: { count: 100 } }],
    ['battery', { comparisonOperator: 'less-than', value: { number: 12.5 } }],
  ])('accepts %s', (metric, criteria) => {
    expect(check(staticBehavior(metric, criteria))).toEqual([]);
  });

  it.each([
    ['aws:disconnect-duration', 'is not a Device Defender built-in metric', 'semantic'],
    ['aws:nope', 'is not a Device Defender built-in metric', 'semantic'],
    ['ghost', 'no custom metric named "ghost" exists', 'semantic'],
    [undefined, 'is required', 'semantic'],
    [42, 'expected a string, got a number', 'constraint'],
  ] as const)(
    'refuses %j: %s, without cascading into operator or value errors',
    (metric, fragment, kind) => {
      const issues = check({
        metric,
        criteria: { comparisonOperator: 'in-cidr-set', value: { count: 1 } },
      });
      expectOne(issues, 'behaviors[0].metric', fragment, kind);
    },
  );
});

describe('comparisonOperator fits the metric type', () => {
  it.each([
    ['aws:num-messages-sent', 'less-than-equals', { count: 5 }],
    ['aws:source-ip-address', 'not-in-cidr-set', { cidrs: ['10.0.0.0/8'] }],
    ['aws:listening-tcp-ports', 'in-port-set', { ports: [22] }],
    ['wifi-ssids', 'not-in-set', { strings: ['corp'] }],
    ['reboot-codes', 'in-set', { numbers: [1, 2.5] }],
    ['peer-ips', 'in-cidr-set', { cidrs: ['2001:db8::/32'] }],
  ])('accepts %s with %s', (metric, comparisonOperator, value) => {
    expect(check(staticBehavior(metric, { comparisonOperator, value }))).toEqual([]);
  });

  it('names the metric, its type and the operators that would fit', () => {
    const issues = check(
      staticBehavior('aws:num-messages-sent', {
        comparisonOperator: 'in-cidr-set',
        value: { count: 5 },
      }),
    );
    expect(issues).toEqual([
      {
        path: 'behaviors[0].criteria.comparisonOperator',
        message:
          'in-cidr-set does not apply to aws:num-messages-sent, a number metric; use less-than, less-than-equals, greater-than or greater-than-equals',
        kind: 'semantic',
      },
    ]);
  });

  it.each([
    [
      'aws:source-ip-address',
      'greater-than',
      { cidrs: ['10.0.0.0/8'] },
      'use in-cidr-set or not-in-cidr-set',
    ],
    ['aws:listening-tcp-ports', 'in-set', { ports: [22] }, 'use in-port-set or not-in-port-set'],
    [
      'wifi-ssids',
      'in-port-set',
      { strings: ['x'] },
      'a string list custom metric; use in-set or not-in-set',
    ],
    ['battery', 'in-set', { number: 1 }, 'a number custom metric'],
  ])('refuses %s with %s', (metric, comparisonOperator, value, fragment) => {
    expectOne(
      check(staticBehavior(metric, { comparisonOperator, value })),
      'behaviors[0].criteria.comparisonOperator',
      fragment,
      'semantic',
    );
  });

  it('refuses an operator outside the model enum as a constraint', () => {
    expectOne(
      check(
        staticBehavior('aws:num-messages-sent', {
          comparisonOperator: 'equals',
          value: { count: 5 },
        }),
      ),
      'behaviors[0].criteria.comparisonOperator',
      '"equals" is not one of less-than',
      'constraint',
    );
  });
});

describe('static value: exactly the member the metric takes', () => {
  it.each([
    [
      'aws:num-messages-sent',
      'greater-than',
      { number: 5 },
      'behaviors[0].criteria.value.number',
      'compares against value.count; value.number does not apply',
    ],
    [
      'battery',
      'greater-than',
      { count: 5 },
      'behaviors[0].criteria.value.count',
      'compares against value.number',
    ],
    [
      'aws:listening-tcp-ports',
      'in-port-set',
      { cidrs: ['10.0.0.0/8'] },
      'behaviors[0].criteria.value.cidrs',
      'compares against value.ports',
    ],
    [
      'aws:num-messages-sent',
      'greater-than',
      {},
      'behaviors[0].criteria.value',
      'value.count is required for aws:num-messages-sent',
    ],
    [
      'aws:num-messages-sent',
      'greater-than',
      undefined,
      'behaviors[0].criteria.value',
      'is required with a comparisonOperator: give value.count',
    ],
  ])('%s with value %j is refused', (metric, comparisonOperator, value, path, fragment) => {
    expectOne(
      check(staticBehavior(metric, { comparisonOperator, value })),
      path,
      fragment,
      'semantic',
    );
  });

  it('asks for comparisonOperator when only a value is given', () => {
    expectOne(
      check(staticBehavior('aws:num-messages-sent', { value: { count: 1 } })),
      'behaviors[0].criteria.comparisonOperator',
      'is required with a value',
      'semantic',
    );
  });
});

describe('value member constraints (model)', () => {
  it.each([
    [{ ports: [0, 65535] }, 'aws:listening-udp-ports', 'in-port-set'],
    [{ count: 0 }, 'aws:num-disconnects', 'less-than'],
    [{ count: -0 }, 'aws:num-disconnects', 'less-than'],
    [{ count: 2 ** 53 }, 'aws:all-bytes-out', 'less-than'],
    [{ number: -3.25 }, 'battery', 'greater-than'],
  ])('accepts %j', (value, metric, comparisonOperator) => {
    expect(check(staticBehavior(metric, { comparisonOperator, value }))).toEqual([]);
  });

  it.each([
    [
      { ports: [22, 70000] },
      'behaviors[0].criteria.value.ports[1]',
      '70000 is greater than the maximum 65535',
    ],
    [{ ports: [-1] }, 'behaviors[0].criteria.value.ports[0]', '-1 is less than the minimum 0'],
    [{ ports: [22.5] }, 'behaviors[0].criteria.value.ports[0]', '22.5 is not a whole number'],
    [
      { ports: ['22'] },
      'behaviors[0].criteria.value.ports[0]',
      'expected a port number, got a string',
    ],
    [{ ports: [null] }, 'behaviors[0].criteria.value.ports[0]', 'must not be null'],
    [{ ports: 22 }, 'behaviors[0].criteria.value.ports', 'expected a list, got a number'],
  ])('ports %j', (value, path, fragment) => {
    expectOne(
      check(
        staticBehavior('aws:listening-tcp-ports', { comparisonOperator: 'in-port-set', value }),
      ),
      path,
      fragment,
      'constraint',
    );
  });

  it.each([
    [{ count: -1 }, '-1 is less than the minimum 0'],
    [{ count: 1.5 }, '1.5 is not a whole number'],
    [{ count: '5' }, 'expected a non-negative whole number, got a string'],
    [{ count: Number.NaN }, 'expected a finite number, got NaN'],
    [{ count: Number.POSITIVE_INFINITY }, 'expected a finite number, got Infinity'],
    [{ count: 2 ** 64 }, 'out of range for a 64-bit integer'],
  ])('count %j', (value, fragment) => {
    expectOne(
      check(staticBehavior('aws:num-messages-sent', { comparisonOperator: 'less-than', value })),
      'behaviors[0].criteria.value.count',
      fragment,
      'constraint',
    );
  });

  it.each([
    ['a', 'must be at least 2 characters; it has 1'],
    ['1'.repeat(44), 'must be at most 43 characters; it has 44'],
    ['10.0.0.0 /8', 'characters that are not allowed'],
    ['fe80::1%eth0', 'characters that are not allowed'],
  ])('cidr %j', (cidr, fragment) => {
    expectOne(
      check(
        staticBehavior('aws:source-ip-address', {
          comparisonOperator: 'in-cidr-set',
          value: { cidrs: [cidr] },
        }),
      ),
      'behaviors[0].criteria.value.cidrs[0]',
      fragment,
      'constraint',
    );
  });

  it('refuses a non-string in strings and a non-number in numbers', () => {
    expectOne(
      check(
        staticBehavior('wifi-ssids', { comparisonOperator: 'in-set', value: { strings: [1] } }),
      ),
      'behaviors[0].criteria.value.strings[0]',
      'expected a string, got a number',
      'constraint',
    );
    expectOne(
      check(
        staticBehavior('reboot-codes', {
          comparisonOperator: 'in-set',
          value: { numbers: [true] },
        }),
      ),
      'behaviors[0].criteria.value.numbers[0]',
      'expected a number, got a boolean',
      'constraint',
    );
  });
});

describe('CIDRs parse as IPv4 or IPv6 CIDR notation', () => {
  it.each([
    ['10.0.0.0/8'],
    ['0.0.0.0/0'],
    ['192.168.1.1/32'],
    ['2001:db8::/32'],
    ['::/0'],
    ['::ffff:10.0.0.0/104'],
  ])('accepts %s', (cidr) => {
    expect(cidrProblem(cidr)).toBeUndefined();
    expect(
      check(
        staticBehavior('aws:destination-ip-addresses', {
          comparisonOperator: 'not-in-cidr-set',
          value: { cidrs: [cidr] },
        }),
      ),
    ).toEqual([]);
  });

  it.each([
    ['10.0.0.0/33', 'an IPv4 prefix length is 0 to 32'],
    ['2001:db8::/129', 'an IPv6 prefix length is 0 to 128'],
    ['10.0.0.1', 'has no prefix length; write address/prefix, e.g. 10.0.0.1/32'],
    ['300.0.0.0/8', '"300.0.0.0" is not an IPv4 address'],
    ['010.0.0.0/8', '"010.0.0.0" is not an IPv4 address'],
    ['167772160/8', 'is not an IPv4 address'],
    ['1:2:3/64', '"1:2:3" is not an IPv6 address'],
    ['10.0.0.0/08', 'an IPv4 prefix length is 0 to 32'],
  ])('refuses %s', (cidr, fragment) => {
    expectOne(
      check(
        staticBehavior('aws:source-ip-address', {
          comparisonOperator: 'in-cidr-set',
          value: { cidrs: ['10.0.0.0/8', cidr] },
        }),
      ),
      'behaviors[0].criteria.value.cidrs[1]',
      fragment,
      'semantic',
    );
  });
});

describe('durationSeconds', () => {
  it.each([
    ['aws:num-messages-sent', 300],
    ['aws:num-messages-sent', 3600],
    ['aws:message-byte-size', 300],
    ['aws:num-established-tcp-connections', 900],
    ['battery', 600],
  ])('accepts %s over %i seconds', (metric, durationSeconds) => {
    const value = metric === 'battery' ? { number: 1 } : { count: 1 };
    expect(
      check(staticBehavior(metric, { comparisonOperator: 'greater-than', value, durationSeconds })),
    ).toEqual([]);
  });

  it.each([
    [
      'aws:num-messages-sent',
      'greater-than',
      { count: 1 },
      120,
      '120 is not a duration aws:num-messages-sent accepts; use 300, 600, 900, 1800 or 3600 seconds',
    ],
    [
      'aws:source-ip-address',
      'in-cidr-set',
      { cidrs: ['10.0.0.0/8'] },
      300,
      'aws:source-ip-address is a list metric and takes no duration',
    ],
    [
      'wifi-ssids',
      'in-set',
      { strings: ['a'] },
      300,
      'wifi-ssids is a list metric and takes no duration',
    ],
  ])(
    'refuses %s with %s over %i seconds',
    (metric, comparisonOperator, value, durationSeconds, message) => {
      expectOne(
        check(staticBehavior(metric, { comparisonOperator, value, durationSeconds })),
        'behaviors[0].criteria.durationSeconds',
        message,
        'semantic',
      );
    },
  );

  it('refuses a fractional duration as a constraint', () => {
    expectOne(
      check(
        staticBehavior('aws:num-messages-sent', {
          comparisonOperator: 'greater-than',
          value: { count: 1 },
          durationSeconds: 300.5,
        }),
      ),
      'behaviors[0].criteria.durationSeconds',
      'is not a whole number',
      'constraint',
    );
  });
});

describe('consecutive datapoints (1–10)', () => {
  it.each([[1], [10]])('accepts %i', (n) => {
    expect(
      check(
        staticBehavior('aws:num-disconnects', {
          comparisonOperator: 'less-than',
          value: { count: 1 },
          consecutiveDatapointsToAlarm: n,
          consecutiveDatapointsToClear: n,
        }),
      ),
    ).toEqual([]);
  });

  it.each([
    ['consecutiveDatapointsToAlarm', 0, '0 is less than the minimum 1'],
    ['consecutiveDatapointsToClear', 11, '11 is greater than the maximum 10'],
    ['consecutiveDatapointsToAlarm', 2.5, '2.5 is not a whole number'],
  ])('refuses %s %j', (key, n, fragment) => {
    expectOne(
      check(
        staticBehavior('aws:num-disconnects', {
          comparisonOperator: 'less-than',
          value: { count: 1 },
          [key]: n,
        }),
      ),
      `behaviors[0].criteria.${key}`,
      fragment,
      'constraint',
    );
  });
});

describe('exactly one detection type', () => {
  it.each([
    [
      'statistical',
      'aws:num-messages-sent',
      {
        comparisonOperator: 'greater-than',
        statisticalThreshold: { statistic: 'p90' },
        durationSeconds: 900,
      },
    ],
    [
      'statistical on a custom number',
      'battery',
      { comparisonOperator: 'less-than', statisticalThreshold: { statistic: 'p0.1' } },
    ],
    [
      'ML',
      'aws:num-authorization-failures',
      {
        mlDetectionConfig: { confidenceLevel: 'HIGH' },
        consecutiveDatapointsToAlarm: 2,
        consecutiveDatapointsToClear: 2,
      },
    ],
    ['ML on a custom number', 'battery', { mlDetectionConfig: { confidenceLevel: 'LOW' } }],
  ])('accepts %s', (_label, metric, criteria) => {
    expect(check({ metric, criteria })).toEqual([]);
  });

  it.each([
    [
      'no criteria',
      undefined,
      'behaviors[0].criteria',
      'is required; give a comparisonOperator with a value',
    ],
    ['empty criteria', {}, 'behaviors[0].criteria', 'has no detection'],
    [
      'statistical with a value',
      {
        comparisonOperator: 'greater-than',
        statisticalThreshold: { statistic: 'p90' },
        value: { count: 3 },
      },
      'behaviors[0].criteria.value',
      'a statistical behavior takes no value',
    ],
    [
      'statistical without operator',
      { statisticalThreshold: { statistic: 'p90' } },
      'behaviors[0].criteria.comparisonOperator',
      'is required with a statisticalThreshold',
    ],
    [
      'statistical without statistic',
      { comparisonOperator: 'greater-than', statisticalThreshold: {} },
      'behaviors[0].criteria.statisticalThreshold.statistic',
      'is required; name the percentile',
    ],
    [
      'ML with an operator',
      { mlDetectionConfig: { confidenceLevel: 'HIGH' }, comparisonOperator: 'greater-than' },
      'behaviors[0].criteria.comparisonOperator',
      'an ML Detect behavior takes no comparisonOperator',
    ],
    [
      'ML with a value',
      { mlDetectionConfig: { confidenceLevel: 'HIGH' }, value: { count: 1 } },
      'behaviors[0].criteria.value',
      'an ML Detect behavior takes no value',
    ],
    [
      'ML with a duration',
      { mlDetectionConfig: { confidenceLevel: 'HIGH' }, durationSeconds: 300 },
      'behaviors[0].criteria.durationSeconds',
      'an ML Detect behavior takes no durationSeconds',
    ],
    [
      'ML with a statistical threshold',
      {
        mlDetectionConfig: { confidenceLevel: 'HIGH' },
        statisticalThreshold: { statistic: 'p90' },
      },
      'behaviors[0].criteria.statisticalThreshold',
      'an ML Detect behavior takes no statisticalThreshold',
    ],
  ])('refuses %s', (_label, criteria, path, fragment) => {
    expectOne(check({ metric: 'aws:num-messages-sent', criteria }), path, fragment, 'semantic');
  });

  it.each([
    [
      'statistical on a list metric',
      'aws:source-ip-address',
      { comparisonOperator: 'in-cidr-set', statisticalThreshold: { statistic: 'p50' } },
      'behaviors[0].criteria.statisticalThreshold',
      'aws:source-ip-address does not support statistical thresholds',
    ],
    [
      'ML on a list metric',
      'aws:listening-tcp-ports',
      { mlDetectionConfig: { confidenceLevel: 'MEDIUM' } },
      'behaviors[0].criteria.mlDetectionConfig',
      'aws:listening-tcp-ports does not support ML Detect',
    ],
    [
      'ML on a custom list metric',
      'wifi-ssids',
      { mlDetectionConfig: { confidenceLevel: 'MEDIUM' } },
      'behaviors[0].criteria.mlDetectionConfig',
      'wifi-ssids does not support ML Detect',
    ],
  ])('refuses %s', (_label, metric, criteria, path, fragment) => {
    expectOne(check({ metric, criteria }), path, fragment, 'semantic');
  });

  it.each([
    [
      { statistic: 'p95' },
      'behaviors[0].criteria.statisticalThreshold.statistic',
      '"p95" is not one of p0',
    ],
    [
      { statistic: 'Average' },
      'behaviors[0].criteria.statisticalThreshold.statistic',
      '"Average" is not one of',
    ],
    [
      'p90',
      'behaviors[0].criteria.statisticalThreshold',
      'expected an object (a StatisticalThreshold',
    ],
  ])('refuses statisticalThreshold %j as a constraint', (statisticalThreshold, path, fragment) => {
    expectOne(
      check({
        metric: 'aws:num-messages-sent',
        criteria: { comparisonOperator: 'greater-than', statisticalThreshold },
      }),
      path,
      fragment,
      'constraint',
    );
  });

  it.each([
    [{}, 'behaviors[0].criteria.mlDetectionConfig.confidenceLevel', 'is required'],
    [
      { confidenceLevel: 'HUGE' },
      'behaviors[0].criteria.mlDetectionConfig.confidenceLevel',
      '"HUGE" is not one of LOW, MEDIUM or HIGH',
    ],
  ])('refuses mlDetectionConfig %j as a constraint', (mlDetectionConfig, path, fragment) => {
    expectOne(
      check({ metric: 'aws:num-messages-sent', criteria: { mlDetectionConfig } }),
      path,
      fragment,
      'constraint',
    );
  });
});

describe('metricDimension', () => {
  const dimension = { dimensionName: 'TopicFilterDim', operator: 'NOT_IN' };

  it.each([
    [
      'Rules Detect on messages sent',
      'aws:num-messages-sent',
      { comparisonOperator: 'greater-than', value: { count: 1 } },
    ],
    [
      'Rules Detect on source IP',
      'aws:source-ip-address',
      { comparisonOperator: 'in-cidr-set', value: { cidrs: ['10.0.0.0/8'] } },
    ],
    [
      'ML Detect on message size',
      'aws:message-byte-size',
      { mlDetectionConfig: { confidenceLevel: 'HIGH' } },
    ],
  ])('accepts %s', (_label, metric, criteria) => {
    expect(check({ metric, metricDimension: dimension, criteria })).toEqual([]);
  });

  it.each([
    [
      'a metric without TOPIC_FILTER support',
      'aws:num-disconnects',
      { comparisonOperator: 'greater-than', value: { count: 1 } },
      dimension,
      'behaviors[0].metricDimension',
      'aws:num-disconnects takes no dimension; a TOPIC_FILTER dimension applies only to aws:message-byte-size',
    ],
    [
      'a custom metric',
      'battery',
      { comparisonOperator: 'greater-than', value: { number: 1 } },
      dimension,
      'behaviors[0].metricDimension',
      'battery is a custom metric, and custom metrics take no dimension',
    ],
    [
      'a dimension that does not exist',
      'aws:num-messages-sent',
      { comparisonOperator: 'greater-than', value: { count: 1 } },
      { dimensionName: 'Nope' },
      'behaviors[0].metricDimension.dimensionName',
      'no dimension named "Nope" exists',
    ],
  ])('refuses %s', (_label, metric, criteria, metricDimension, path, fragment) => {
    expectOne(check({ metric, metricDimension, criteria }), path, fragment, 'semantic');
  });

  it.each([
    [{}, 'behaviors[0].metricDimension.dimensionName', 'is required'],
    [
      { dimensionName: 'bad name' },
      'behaviors[0].metricDimension.dimensionName',
      'characters that are not allowed',
    ],
    [
      { dimensionName: 'TopicFilterDim', operator: 'EQUALS' },
      'behaviors[0].metricDimension.operator',
      '"EQUALS" is not one of IN or NOT_IN',
    ],
    ['TopicFilterDim', 'behaviors[0].metricDimension', 'expected an object (a MetricDimension'],
  ])(
    'refuses metricDimension %j as a constraint, without an existence error',
    (metricDimension, path, fragment) => {
      expectOne(
        check({
          metric: 'aws:num-messages-sent',
          metricDimension,
          criteria: { comparisonOperator: 'greater-than', value: { count: 1 } },
        }),
        path,
        fragment,
        'constraint',
      );
    },
  );
});

describe('the behaviors list', () => {
  const good = (name: string, count = 1): Record<string, unknown> => ({
    name,
    metric: 'aws:num-messages-sent',
    criteria: { comparisonOperator: 'greater-than', value: { count } },
  });
  const ports = (name: string, n: number): Record<string, unknown> => ({
    name,
    metric: 'aws:listening-tcp-ports',
    criteria: {
      comparisonOperator: 'in-port-set',
      value: { ports: Array.from({ length: n }, (_, i) => i) },
    },
  });

  it('accepts an empty list and exactly 100 behaviors', () => {
    expect(validateBehaviors([], ctx)).toEqual([]);
    expect(
      validateBehaviors(
        Array.from({ length: MAX_BEHAVIORS }, (_, i) => good(`b${i}`)),
        ctx,
      ),
    ).toEqual([]);
  });

  it('refuses 101 behaviors', () => {
    const issues = validateBehaviors(
      Array.from({ length: MAX_BEHAVIORS + 1 }, (_, i) => good(`b${i}`)),
      ctx,
    );
    expectOne(
      issues,
      'behaviors',
      'has 101 behaviors; a security profile allows at most 100',
      'constraint',
    );
  });

  it('refuses a repeated behavior name, pointing at the repeat and the first', () => {
    const issues = validateBehaviors([good('dup'), good('other'), good('dup')], ctx);
    expectOne(issues, 'behaviors[2].name', '"dup" is already the name of behaviors[0]', 'semantic');
  });

  it('accepts exactly 1000 value elements and refuses 1001', () => {
    expect(validateBehaviors([ports('a', 999), good('b')], ctx)).toEqual([]);
    expectOne(
      validateBehaviors([ports('a', 999), good('b'), good('c')], ctx),
      'behaviors',
      `the behaviors hold 1001 value elements; a security profile allows at most ${MAX_VALUE_ELEMENTS}`,
      'semantic',
    );
  });

  it.each([
    [undefined, 'is required'],
    [{}, 'expected a list, got an object'],
    ['behaviors', 'expected a list, got a string'],
  ])('refuses %j', (behaviors, fragment) => {
    expectOne(validateBehaviors(behaviors, ctx), 'behaviors', fragment, 'constraint');
  });

  it('reads members set to undefined (typed objects from the editor) as absent', () => {
    const typed: Behavior = {
      name: 'typed',
      metric: 'aws:num-disconnects',
      metricDimension: undefined,
      criteria: {
        comparisonOperator: 'less-than',
        value: { count: 1, cidrs: undefined },
        durationSeconds: undefined,
        statisticalThreshold: undefined,
        mlDetectionConfig: undefined,
      },
      suppressAlerts: undefined,
    };
    expect(validateBehaviors([typed], ctx)).toEqual([]);
  });

  it('addresses issues under a caller-given path', () => {
    expectOne(
      validateBehaviors([{}, null].slice(1), ctx, 'body.behaviors'),
      'body.behaviors[0]',
      'must not be null',
      'constraint',
    );
  });

  it('reports every independent problem of one behavior', () => {
    const issues = check({
      metric: 'aws:listening-tcp-ports',
      criteria: {
        comparisonOperator: 'greater-than',
        value: { ports: [70000] },
        durationSeconds: 300,
        consecutiveDatapointsToAlarm: 0,
      },
      suppressAlerts: 'yes',
    });
    expect(issues.map((issue) => issue.path).sort()).toEqual(
      [
        'behaviors[0].criteria.comparisonOperator',
        'behaviors[0].criteria.consecutiveDatapointsToAlarm',
        'behaviors[0].criteria.durationSeconds',
        'behaviors[0].criteria.value.ports[0]',
        'behaviors[0].suppressAlerts',
      ].sort(),
    );
  });
});

describe('countValueElements', () => {
  const behavior = (value: Behavior['criteria']): Behavior => ({
    name: 'b',
    metric: 'aws:x',
    criteria: value,
  });
  it.each([
    [[], 0],
    [[behavior({ comparisonOperator: 'less-than', value: { count: 5 } })], 1],
    [[behavior({ comparisonOperator: 'less-than', value: { number: 5 } })], 1],
    [
      [behavior({ comparisonOperator: 'in-cidr-set', value: { cidrs: ['10.0.0.0/8', '::/0'] } })],
      2,
    ],
    [
      [
        behavior({ comparisonOperator: 'in-port-set', value: { ports: [1, 2, 3] } }),
        behavior({ comparisonOperator: 'in-set', value: { strings: ['a'], numbers: [1, 2] } }),
      ],
      6,
    ],
    [[behavior({ mlDetectionConfig: { confidenceLevel: 'HIGH' } }), behavior(undefined)], 0],
  ] as [Behavior[], number][])('%j holds %i', (behaviors, expected) => {
    expect(countValueElements(behaviors)).toBe(expected);
  });
});

describe('CreateSecurityProfile body', () => {
  it('accepts a realistic profile that uses every operator family and detection type', () => {
    const body = {
      securityProfileDescription: 'Fleet baseline: thermostats (v2), EU & US.',
      behaviors: [
        {
          name: 'MaxMessagesSent',
          metric: 'aws:num-messages-sent',
          metricDimension: { dimensionName: 'TopicFilterDim' },
          criteria: {
            comparisonOperator: 'greater-than',
            value: { count: 100 },
            durationSeconds: 300,
            consecutiveDatapointsToAlarm: 2,
            consecutiveDatapointsToClear: 1,
          },
          suppressAlerts: false,
        },
        {
          name: 'AllowedSourceIps',
          metric: 'aws:source-ip-address',
          criteria: {
            comparisonOperator: 'not-in-cidr-set',
            value: { cidrs: ['10.0.0.0/8', '192.168.0.0/16', '2001:db8::/32'] },
          },
        },
        {
          name: 'ListeningTcp',
          metric: 'aws:listening-tcp-ports',
          criteria: { comparisonOperator: 'not-in-port-set', value: { ports: [22, 443] } },
          exportMetric: true,
        },
        {
          name: 'KnownSsids',
          metric: 'wifi-ssids',
          criteria: { comparisonOperator: 'in-set', value: { strings: ['corp', 'guest'] } },
        },
        {
          name: 'RebootCodes',
          metric: 'reboot-codes',
          criteria: { comparisonOperator: 'not-in-set', value: { numbers: [3, 7] } },
        },
        {
          name: 'PeerIps',
          metric: 'peer-ips',
          criteria: { comparisonOperator: 'in-cidr-set', value: { cidrs: ['172.16.0.0/12'] } },
        },
        {
          name: 'LowBattery',
          metric: 'battery',
          criteria: {
            comparisonOperator: 'less-than-equals',
            value: { number: 12.5 },
            durationSeconds: 900,
          },
        },
        {
          name: 'SentP90',
          metric: 'aws:num-messages-sent',
          criteria: {
            comparisonOperator: 'greater-than',
            statisticalThreshold: { statistic: 'p90' },
            durationSeconds: 900,
          },
        },
        {
          name: 'AuthFailuresMl',
          metric: 'aws:num-authorization-failures',
          criteria: {
            mlDetectionConfig: { confidenceLevel: 'HIGH' },
            consecutiveDatapointsToAlarm: 1,
            consecutiveDatapointsToClear: 1,
          },
          suppressAlerts: true,
        },
      ],
      alertTargets: { SNS: { alertTargetArn: TOPIC, roleArn: ROLE } },
      additionalMetricsToRetain: ['aws:num-disconnects'],
      additionalMetricsToRetainV2: [
        {
          metric: 'aws:num-messages-received',
          metricDimension: { dimensionName: 'TopicFilterDim', operator: 'IN' },
          exportMetric: true,
        },
        { metric: 'battery' },
      ],
      metricsExportConfig: { mqttTopic: '$aws/things/export', roleArn: ROLE },
      tags: [{ Key: 'team', Value: 'iot-security' }, { Key: 'cost centre' }],
      unknownMember: { anything: true },
    };
    expect(validateCreateRequest(body, ctx)).toEqual([]);
  });

  it.each([
    [{ securityProfileDescription: 'Hello, world! ~{}' }],
    [{ securityProfileDescription: 'x'.repeat(1000) }],
    [{ securityProfileDescription: null, behaviors: null }],
    [{}],
  ])('accepts %j', (body) => {
    expect(validateCreateRequest(body, ctx)).toEqual([]);
  });

  it.each([
    [null, 'body', 'expected a JSON object, got null'],
    [[], 'body', 'expected a JSON object, got an array'],
    [
      { securityProfileDescription: 'line\nbreak' },
      'securityProfileDescription',
      'printable ASCII characters and spaces only',
    ],
    [
      { securityProfileDescription: 'café' },
      'securityProfileDescription',
      'characters that are not allowed',
    ],
    [
      { securityProfileDescription: 'x'.repeat(1001) },
      'securityProfileDescription',
      'must be at most 1000 characters; it has 1001',
    ],
    [
      { alertTargets: { EMAIL: { alertTargetArn: TOPIC, roleArn: ROLE } } },
      'alertTargets.EMAIL',
      '"EMAIL" is not an alert target type; the only type is SNS',
    ],
    [{ alertTargets: [] }, 'alertTargets', 'expected an object'],
    [
      { alertTargets: { SNS: { roleArn: ROLE } } },
      'alertTargets.SNS.alertTargetArn',
      'is required',
    ],
    [
      { alertTargets: { SNS: { alertTargetArn: TOPIC, roleArn: 'arn:short' } } },
      'alertTargets.SNS.roleArn',
      'must be at least 20 characters; it has 9',
    ],
    [
      { additionalMetricsToRetain: ['aws:nope'] },
      'additionalMetricsToRetain[0]',
      'is not a Device Defender built-in metric',
    ],
    [
      { additionalMetricsToRetainV2: [{ exportMetric: true }] },
      'additionalMetricsToRetainV2[0].metric',
      'is required',
    ],
    [
      {
        additionalMetricsToRetainV2: [
          { metric: 'battery', metricDimension: { dimensionName: 'TopicFilterDim' } },
        ],
      },
      'additionalMetricsToRetainV2[0].metricDimension',
      'custom metrics take no dimension',
    ],
    [
      {
        additionalMetricsToRetainV2: [
          { metric: 'aws:all-bytes-in', metricDimension: { dimensionName: 'TopicFilterDim' } },
        ],
      },
      'additionalMetricsToRetainV2[0].metricDimension',
      'aws:all-bytes-in takes no dimension',
    ],
    [
      {
        additionalMetricsToRetainV2: [
          { metric: 'aws:num-messages-sent', metricDimension: { dimensionName: 'Gone' } },
        ],
      },
      'additionalMetricsToRetainV2[0].metricDimension.dimensionName',
      'no dimension named "Gone" exists',
    ],
    [
      { additionalMetricsToRetainV2: [{ metric: 'ghost' }] },
      'additionalMetricsToRetainV2[0].metric',
      'no custom metric named "ghost" exists',
    ],
    [{ metricsExportConfig: { roleArn: ROLE } }, 'metricsExportConfig.mqttTopic', 'is required'],
    [
      { metricsExportConfig: { mqttTopic: 't'.repeat(513), roleArn: ROLE } },
      'metricsExportConfig.mqttTopic',
      'must be at most 512 characters',
    ],
    [{ tags: [{ Value: 'v' }] }, 'tags[0].Key', 'is required'],
    [{ tags: [{ Key: '<script>' }] }, 'tags[0].Key', 'characters that are not allowed'],
    [
      { tags: [{ Key: 'k', Value: 'v'.repeat(257) }] },
      'tags[0].Value',
      'must be at most 256 characters',
    ],
    [
      { behaviors: [{ name: 'b', metric: 'aws:num-disconnects' }] },
      'behaviors[0].criteria',
      'is required',
    ],
  ])('refuses %j at %s', (body, path, fragment) => {
    const issues = validateCreateRequest(body, ctx);
    expect(issues.map(formatIssue)).toHaveLength(1);
    expect(issues[0]?.path).toBe(path);
    expect(issues[0]?.message).toContain(fragment);
  });
});

describe('UpdateSecurityProfile body', () => {
  it.each([
    [{ deleteBehaviors: true }],
    [
      {
        deleteAlertTargets: true,
        deleteAdditionalMetricsToRetain: true,
        deleteMetricsExportConfig: true,
      },
    ],
    [{ deleteBehaviors: false, behaviors: [] }],
    [
      {
        securityProfileDescription: 'new',
        alertTargets: { SNS: { alertTargetArn: TOPIC, roleArn: ROLE } },
      },
    ],
  ])('accepts %j', (body) => {
    expect(validateUpdateRequest(body, ctx)).toEqual([]);
  });

  it.each([
    [
      { deleteBehaviors: true, behaviors: [] },
      'deleteBehaviors',
      'cannot be true in the same call as behaviors',
    ],
    [
      { deleteAlertTargets: true, alertTargets: { SNS: { alertTargetArn: TOPIC, roleArn: ROLE } } },
      'deleteAlertTargets',
      'cannot be true in the same call as alertTargets',
    ],
    [
      { deleteAdditionalMetricsToRetain: true, additionalMetricsToRetain: ['aws:num-disconnects'] },
      'deleteAdditionalMetricsToRetain',
      'cannot be true in the same call as additionalMetricsToRetain;',
    ],
    [
      { deleteAdditionalMetricsToRetain: true, additionalMetricsToRetainV2: [] },
      'deleteAdditionalMetricsToRetain',
      'cannot be true in the same call as additionalMetricsToRetainV2',
    ],
    [{ deleteBehaviors: 'true' }, 'deleteBehaviors', 'expected true or false, got a string'],
    [
      { deleteMetricsExportConfig: 1 },
      'deleteMetricsExportConfig',
      'expected true or false, got a number',
    ],
    ['{}', 'body', 'expected a JSON object, got a string'],
  ])('refuses %j', (body, path, fragment) => {
    expectOne(validateUpdateRequest(body, ctx), path, fragment, 'constraint');
  });

  it('validates the same profile fields as Create', () => {
    expectOne(
      validateUpdateRequest(
        {
          behaviors: [
            {
              name: 'b',
              metric: 'aws:num-messages-sent',
              criteria: { comparisonOperator: 'in-set', value: { count: 1 } },
            },
          ],
        },
        ctx,
      ),
      'behaviors[0].criteria.comparisonOperator',
      'in-set does not apply to aws:num-messages-sent',
      'semantic',
    );
  });
});

describe('name, tag, dimension and custom-metric checks', () => {
  it.each([
    ['validateSecurityProfileName', validateSecurityProfileName, 'my-Profile:1_x'],
    ['validateDimensionName', (v: unknown) => validateDimensionName(v), 'TopicFilterDim'],
    ['validateMetricName', (v: unknown) => validateMetricName(v), 'aws:num-messages-sent'],
    ['validateCustomMetricName', (v: unknown) => validateCustomMetricName(v), 'battery'],
  ] as const)('%s accepts %j', (_name, validate, value) => {
    expect(validate(value)).toEqual([]);
  });

  it.each([
    [
      () => validateSecurityProfileName(''),
      'securityProfileName',
      'must not be empty',
      'constraint',
    ],
    [
      () => validateSecurityProfileName('a/b'),
      'securityProfileName',
      'characters that are not allowed',
      'constraint',
    ],
    [
      () => validateSecurityProfileName(undefined),
      'securityProfileName',
      'is required',
      'constraint',
    ],
    [
      () => validateDimensionName('x'.repeat(129)),
      'name',
      'must be at most 128 characters',
      'constraint',
    ],
    [() => validateMetricName(7), 'metricName', 'expected a string, got a number', 'constraint'],
    [
      () => validateCustomMetricName('aws:battery'),
      'metricName',
      'starts with aws:, which is reserved for built-in metrics',
      'semantic',
    ],
    [
      () => validateName('no spaces', 'thing'),
      'thing',
      'characters that are not allowed',
      'constraint',
    ],
    [() => validateMaxResults(0), 'maxResults', '0 is less than the minimum 1', 'constraint'],
    [
      () => validateMaxResults(251),
      'maxResults',
      '251 is greater than the maximum 250',
      'constraint',
    ],
    [() => validateTags([{ Key: '' }]), 'tags[0].Key', 'must not be empty', 'constraint'],
    [() => validateTags({ Key: 'k' }), 'tags', 'expected a list', 'constraint'],
    [() => validateTagKeys(undefined), 'tagKeys', 'is required', 'constraint'],
    [() => validateTagKeys(['ok', 5]), 'tagKeys[1]', 'expected a string', 'constraint'],
    [
      () => validateDimensionStringValues([]),
      'stringValues',
      'must hold at least 1 value',
      'constraint',
    ],
    [
      () => validateDimensionStringValues(Array.from({ length: 101 }, () => 'a/#')),
      'stringValues',
      'has 101 values; at most 100 are allowed',
      'constraint',
    ],
    [
      () => validateDimensionStringValues(['']),
      'stringValues[0]',
      'must not be empty',
      'constraint',
    ],
    [
      () => validateCustomMetricDisplayName('tab\there'),
      'displayName',
      'printable ASCII',
      'constraint',
    ],
  ] as const)('refuses case %#: %s %s', (run, path, fragment, kind) => {
    expectOne(run(), path, fragment, kind);
  });

  it('accepts tags with Unicode letters, as the TagKey pattern allows', () => {
    expect(validateTags([{ Key: 'équipe 1', Value: 'naïve' }])).toEqual([]);
    expect(validateMaxResults(undefined)).toEqual([]);
    expect(validateMaxResults(250)).toEqual([]);
  });

  it.each([
    [
      {
        type: 'TOPIC_FILTER',
        stringValues: ['device/+/telemetry', '${iot:ClientId}/#'],
        clientRequestToken: 'abc-123_x',
      },
      [],
    ],
    [
      { type: 'TOPIC', stringValues: ['a'], clientRequestToken: 't' },
      ['type: "TOPIC" is not one of TOPIC_FILTER'],
    ],
    [
      { clientRequestToken: 'bad token' },
      [
        'type: is required',
        'stringValues: is required',
        'clientRequestToken: "bad token" has characters that are not allowed',
      ],
    ],
  ])('CreateDimension body %j', (body, expected) => {
    const messages = validateCreateDimensionRequest(body).map(formatIssue);
    expect(messages).toHaveLength(expected.length);
    expected.forEach((fragment, i) => expect(messages[i]).toContain(fragment));
  });

  it.each([
    [{ metricType: 'number', displayName: 'Battery %', clientRequestToken: 't1' }, []],
    [
      { metricType: 'float', clientRequestToken: 't1' },
      ['metricType: "float" is not one of string-list'],
    ],
    [
      {
        metricType: 'number',
        displayName: 'x'.repeat(129),
        clientRequestToken: 't1',
        tags: [{ Key: 1 }],
      },
      ['displayName: must be at most 128 characters', 'tags[0].Key: expected a string'],
    ],
    [42, ['body: expected a JSON object, got a number']],
  ])('CreateCustomMetric body %j', (body, expected) => {
    const messages = validateCreateCustomMetricRequest(body).map(formatIssue);
    expect(messages).toHaveLength(expected.length);
    expected.forEach((fragment, i) => expect(messages[i]).toContain(fragment));
  });
});

describe('untrusted input never throws', () => {
  const nested = {
    behaviors: [
      {
        name: ['x'],
        metric: { a: 1 },
        metricDimension: [],
        criteria: {
          value: 'v',
          statisticalThreshold: [],
          mlDetectionConfig: 5,
          comparisonOperator: {},
        },
      },
    ],
  };
  const garbage: unknown[] = [
    null,
    undefined,
    42,
    'x',
    [],
    {},
    true,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    [null, 42, 'x', [], {}],
    nested,
    {
      behaviors: [
        {
          name: 'b',
          criteria: {
            value: {
              cidrs: [null, 5, {}],
              ports: [Number.NaN, -0, Infinity],
              numbers: [Infinity],
              strings: [[]],
            },
          },
        },
      ],
    },
    { alertTargets: { SNS: null, ['k'.repeat(100_000)]: 1 }, tags: [null, 5, { Key: null }] },
    { securityProfileDescription: 'x'.repeat(2_000_000) },
    { additionalMetricsToRetainV2: [null, 'x', { metric: 5, metricDimension: 'd' }] },
    { __proto__: { behaviors: 5 }, constructor: 1, hasOwnProperty: 2 },
    Object.create(null) as unknown,
  ];

  const validators: [string, (input: unknown) => ValidationIssue[]][] = [
    ['validateBehaviors', (input) => validateBehaviors(input, ctx)],
    ['validateCreateRequest', (input) => validateCreateRequest(input, ctx)],
    ['validateUpdateRequest', (input) => validateUpdateRequest(input, ctx)],
    ['validateSecurityProfileName', validateSecurityProfileName],
    ['validateTags', (input) => validateTags(input)],
    ['validateTagKeys', (input) => validateTagKeys(input)],
    ['validateCreateDimensionRequest', validateCreateDimensionRequest],
    ['validateCreateCustomMetricRequest', validateCreateCustomMetricRequest],
    ['validateMaxResults', (input) => validateMaxResults(input)],
    ['validateCustomMetricName', (input) => validateCustomMetricName(input)],
  ];

  it.each(validators)(
    '%s returns well-formed issues for every garbage input',
    (_name, validate) => {
      for (const input of garbage) {
        const issues = validate(input);
        expect(Array.isArray(issues)).toBe(true);
        for (const issue of issues) {
          expect(typeof issue.path).toBe('string');
          expect(issue.message.length).toBeGreaterThan(0);
          expect(issue.message.length).toBeLessThan(1000);
          expect(['constraint', 'semantic']).toContain(issue.kind);
        }
      }
    },
  );

  it('bounds the work and the report for huge lists', () => {
    const hugePorts = Array.from({ length: 200_000 }, () => 70_000);
    const started = Date.now();
    const issues = validateBehaviors(
      [
        {
          name: 'b',
          metric: 'aws:listening-tcp-ports',
          criteria: { comparisonOperator: 'in-port-set', value: { ports: hugePorts } },
        },
      ],
      ctx,
    );
    expect(issues.length).toBe(MAX_ISSUES + 1);
    expect(issues.at(-1)).toMatchObject({ path: 'behaviors', kind: 'constraint' });
    expect(issues.at(-1)?.message).toContain(`only the first ${MAX_ISSUES} are listed`);

    const manyBehaviors = Array.from({ length: 100_000 }, (_, i) => ({
      name: `b${i}`,
      metric: 'aws:num-disconnects',
      criteria: { comparisonOperator: 'less-than', value: { count: 1 } },
    }));
    const listIssues = validateBehaviors(manyBehaviors, ctx);
    expect(listIssues.map(formatIssue)).toEqual([
      'behaviors: has 100000 behaviors; a security profile allows at most 100',
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('keeps a message readable when the offending value is huge', () => {
    const [issue] = validateSecurityProfileName(`${'a'.repeat(50_000)} b`);
    expect(issue?.message.length).toBeLessThan(200);
  });
});
