import { describe, expect, it } from 'vitest';
import {
  WELL_KNOWN_PORTS,
  describeDuration,
  describePort,
  summarizeBehavior,
} from './behavior-summary';
import { customMetricDefinition } from './metric-catalogue';
import type { Behavior, BehaviorCriteria } from './security-profile';

function behavior(
  metric: string,
  criteria: BehaviorCriteria,
  extra: Partial<Behavior> = {},
): Behavior {
  return { name: 'b', metric, criteria, ...extra };
}

describe('describeDuration', () => {
  it.each([
    [300, '5 minutes'],
    [600, '10 minutes'],
    [900, '15 minutes'],
    [1800, '30 minutes'],
    [3600, '1 hour'],
    [7200, '2 hours'],
    [5400, '90 minutes'],
    [60, '1 minute'],
    [45, '45 seconds'],
    [1, '1 second'],
    [0, '0 seconds'],
  ])('%i seconds is %j', (seconds, expected) => {
    expect(describeDuration(seconds)).toBe(expected);
  });
});

describe('well-known ports', () => {
  it.each([
    [22, 'ssh'],
    [23, 'telnet'],
    [80, 'http'],
    [443, 'https'],
    [1883, 'mqtt'],
    [8883, 'mqtt-tls'],
  ])('%i is %s', (port, name) => {
    expect(WELL_KNOWN_PORTS[port]).toBe(name);
    expect(describePort(port)).toBe(`${port} (${name})`);
  });

  it('shows an unknown port as its number', () => {
    expect(describePort(31337)).toBe('31337');
  });
});

describe('summarizeBehavior states when the alarm fires (the criteria describe normal)', () => {
  const battery = customMetricDefinition({
    metricName: 'battery',
    metricType: 'number',
    displayName: 'Battery level',
  });
  const ssids = customMetricDefinition({
    metricName: 'wifi-ssids',
    metricType: 'string-list',
    displayName: 'Wi-Fi SSIDs',
  });
  const peers = customMetricDefinition({ metricName: 'peer-ips', metricType: 'ip-address-list' });
  const codes = customMetricDefinition({ metricName: 'reboot-codes', metricType: 'number-list' });

  it.each([
    [
      'a count with a window and datapoints',
      behavior('aws:num-messages-sent', {
        comparisonOperator: 'less-than-equals',
        value: { count: 100 },
        durationSeconds: 300,
        consecutiveDatapointsToAlarm: 2,
        consecutiveDatapointsToClear: 1,
      }),
      undefined,
      'Alarm when more than 100 messages are sent in 5 minutes, after 2 datapoints; clears after 1',
    ],
    [
      'less-than is "at least"',
      behavior('aws:num-authorization-failures', {
        comparisonOperator: 'less-than',
        value: { count: 5 },
        durationSeconds: 600,
      }),
      undefined,
      'Alarm when at least 5 authorization failures occur in 10 minutes',
    ],
    [
      'greater-than is "at most", singular for one',
      behavior('aws:num-messages-received', {
        comparisonOperator: 'greater-than',
        value: { count: 1 },
        durationSeconds: 3600,
      }),
      undefined,
      'Alarm when at most 1 message is received in 1 hour',
    ],
    [
      'greater-than-equals is "fewer than", with grouping',
      behavior('aws:all-bytes-out', {
        comparisonOperator: 'greater-than-equals',
        value: { count: 4096 },
        durationSeconds: 900,
      }),
      undefined,
      'Alarm when fewer than 4,096 bytes are sent in 15 minutes',
    ],
    [
      'message size needs no window',
      behavior('aws:message-byte-size', {
        comparisonOperator: 'less-than-equals',
        value: { count: 1024 },
      }),
      undefined,
      'Alarm when a message is larger than 1,024 bytes',
    ],
    [
      'a state count',
      behavior('aws:num-listening-tcp-ports', {
        comparisonOperator: 'less-than-equals',
        value: { count: 5 },
        durationSeconds: 300,
      }),
      undefined,
      'Alarm when the device listens on more than 5 TCP ports over 5 minutes',
    ],
    [
      'a custom number metric',
      behavior('battery', { comparisonOperator: 'greater-than-equals', value: { number: 12.5 } }),
      battery,
      'Alarm when Battery level is below 12.5',
    ],
    [
      'a source IP allow-list',
      behavior('aws:source-ip-address', {
        comparisonOperator: 'in-cidr-set',
        value: { cidrs: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'] },
      }),
      undefined,
      'Alarm when the source IP is not in 10.0.0.0/8 or 3 more CIDRs',
    ],
    [
      'a source IP deny-list',
      behavior('aws:source-ip-address', {
        comparisonOperator: 'not-in-cidr-set',
        value: { cidrs: ['12.8.0.0/16', '15.102.16.0/24'] },
      }),
      undefined,
      'Alarm when the source IP is in 12.8.0.0/16, 15.102.16.0/24',
    ],
    [
      'a port allow-list',
      behavior('aws:listening-tcp-ports', {
        comparisonOperator: 'in-port-set',
        value: { ports: [22, 443] },
      }),
      undefined,
      'Alarm when listening TCP ports include a port outside 22 (ssh), 443 (https)',
    ],
    [
      'a port deny-list of one',
      behavior('aws:listening-udp-ports', {
        comparisonOperator: 'not-in-port-set',
        value: { ports: [23] },
      }),
      undefined,
      'Alarm when listening UDP ports include 23 (telnet)',
    ],
    [
      'a long port deny-list',
      behavior('aws:listening-tcp-ports', {
        comparisonOperator: 'not-in-port-set',
        value: { ports: [21, 23, 80, 8080] },
      }),
      undefined,
      'Alarm when listening TCP ports include any of 21 (ftp) or 3 more ports',
    ],
    [
      'destination IPs',
      behavior('aws:destination-ip-addresses', {
        comparisonOperator: 'in-cidr-set',
        value: { cidrs: ['10.0.0.0/8'] },
      }),
      undefined,
      'Alarm when destination IPs include an address outside 10.0.0.0/8',
    ],
    [
      'a custom string list',
      behavior('wifi-ssids', {
        comparisonOperator: 'in-set',
        value: { strings: ['corp', 'guest'] },
      }),
      ssids,
      'Alarm when Wi-Fi SSIDs include a value outside "corp", "guest"',
    ],
    [
      'a custom number list',
      behavior('reboot-codes', { comparisonOperator: 'not-in-set', value: { numbers: [3, 7.5] } }),
      codes,
      'Alarm when reboot-codes include any of 3, 7.5',
    ],
    [
      'a custom IP list',
      behavior('peer-ips', {
        comparisonOperator: 'in-cidr-set',
        value: { cidrs: ['2001:db8::/32'] },
      }),
      peers,
      'Alarm when peer-ips include an address outside 2001:db8::/32',
    ],
    [
      'a statistical threshold',
      behavior('aws:num-messages-sent', {
        comparisonOperator: 'less-than-equals',
        statisticalThreshold: { statistic: 'p90' },
        durationSeconds: 900,
      }),
      undefined,
      'Alarm when messages sent are above the p90 of all devices over 15 minutes',
    ],
    [
      'a statistical threshold on a singular metric',
      behavior('aws:message-byte-size', {
        comparisonOperator: 'greater-than',
        statisticalThreshold: { statistic: 'p10' },
        durationSeconds: 300,
      }),
      undefined,
      'Alarm when message size is at or below the p10 of all devices over 5 minutes',
    ],
    [
      'a statistical threshold on a custom metric, without a window',
      behavior('battery', {
        comparisonOperator: 'greater-than-equals',
        statisticalThreshold: { statistic: 'p1' },
      }),
      battery,
      'Alarm when Battery level is below the p1 of all devices',
    ],
    [
      'a statistical threshold on a plural state metric',
      behavior('aws:num-established-tcp-connections', {
        comparisonOperator: 'less-than',
        statisticalThreshold: { statistic: 'p99.9' },
        durationSeconds: 1800,
      }),
      undefined,
      'Alarm when established TCP connections are at or above the p99.9 of all devices over 30 minutes',
    ],
    [
      'ML Detect',
      behavior('aws:num-authorization-failures', {
        mlDetectionConfig: { confidenceLevel: 'HIGH' },
      }),
      undefined,
      'ML Detect on authorization failures, high confidence (fewest alarms)',
    ],
    [
      'ML Detect with a dimension and datapoints',
      behavior(
        'aws:num-messages-sent',
        {
          mlDetectionConfig: { confidenceLevel: 'LOW' },
          consecutiveDatapointsToAlarm: 3,
          consecutiveDatapointsToClear: 2,
        },
        { metricDimension: { dimensionName: 'TopicFilterDim' } },
      ),
      undefined,
      'ML Detect on messages sent on topics matching TopicFilterDim, low confidence (most alarms), after 3 datapoints; clears after 2',
    ],
    [
      'a dimension, and suppressed alerts',
      behavior(
        'aws:num-messages-received',
        { comparisonOperator: 'less-than-equals', value: { count: 50 }, durationSeconds: 300 },
        {
          metricDimension: { dimensionName: 'TopicFilterDim', operator: 'NOT_IN' },
          suppressAlerts: true,
        },
      ),
      undefined,
      'Alarm when more than 50 messages are received in 5 minutes on topics not matching TopicFilterDim; alerts suppressed',
    ],
    [
      'a behavior with no detection',
      { name: 'b', metric: 'aws:num-disconnects' },
      undefined,
      'No detection set for disconnects',
    ],
    [
      'an unknown custom metric without its definition',
      behavior('battery', { comparisonOperator: 'less-than', value: { number: 3 } }),
      undefined,
      'Normal when battery is less-than 3',
    ],
  ] as [string, Behavior, ReturnType<typeof customMetricDefinition> | undefined, string][])(
    '%s',
    (_label, input, metric, expected) => {
      expect(summarizeBehavior(input, metric)).toBe(expected);
    },
  );
});
