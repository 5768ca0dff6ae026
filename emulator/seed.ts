import type { CustomMetricType, SecurityProfileFields, Tag } from '../src/domain/security-profile';
import { count, fullCoverageBehaviors, ml, statistical } from './seed-behaviors';
import type { CustomMetricRecord, DimensionRecord, ProfileRecord, StoreState } from './store';
import { emptyState } from './store';
import { iotArn, type AccountScope } from './wire';

const DAY_MS = 24 * 60 * 60 * 1000;

interface SeedProfile {
  name: string;
  fields: SecurityProfileFields;
  /** How many updates it has seen since creation (version = updates + 1). */
  updates: number;
  ageDays: number;
  tags: Tag[];
  /** Resource part of the target ARNs, e.g. `thinggroup/smart-meters`. */
  targets: string[];
}

const SNS_ALERTS = (scope: AccountScope, topic: string): SecurityProfileFields['alertTargets'] => ({
  SNS: {
    alertTargetArn: `arn:aws:sns:${scope.region}:${scope.accountId}:${topic}`,
    roleArn: `arn:aws:iam::${scope.accountId}:role/DeviceDefenderAlertPublisher`,
  },
});

const SEED_DIMENSIONS: [string, string[]][] = [
  ['telemetry-topics', ['devices/+/telemetry', 'devices/+/telemetry/#']],
  ['command-topics', ['cmd/${iot:ClientId}/#', '$aws/things/+/shadow/update']],
];

const SEED_CUSTOM_METRICS: [string, CustomMetricType, string][] = [
  ['cpu-temperature-celsius', 'number', 'CPU temperature (Celsius)'],
  ['active-modbus-unit-ids', 'number-list', 'Active Modbus unit IDs'],
  ['loaded-kernel-modules', 'string-list', 'Loaded kernel modules'],
  ['upstream-peer-addresses', 'ip-address-list', 'Upstream peer addresses'],
];

function seedProfiles(scope: AccountScope): SeedProfile[] {
  return [
    {
      name: 'fleet-baseline',
      ageDays: 120,
      updates: 4,
      tags: [
        { Key: 'environment', Value: 'production' },
        { Key: 'owner', Value: 'iot-security' },
      ],
      targets: ['all/registered-things'],
      fields: {
        securityProfileDescription:
          'Baseline Rules Detect thresholds applied to every registered thing in the fleet.',
        behaviors: [
          count('authorization-failures', 'aws:num-authorization-failures', 'less-than', 5, 300),
          count('messages-sent', 'aws:num-messages-sent', 'less-than-equals', 1200, 300),
          count('heartbeat-received', 'aws:num-messages-received', 'greater-than-equals', 1, 3600),
          count('connection-attempts', 'aws:num-connection-attempts', 'less-than', 10, 300),
          count('disconnects', 'aws:num-disconnects', 'less-than', 6, 3600),
          count('large-messages', 'aws:message-byte-size', 'less-than', 131072),
        ],
        alertTargets: SNS_ALERTS(scope, 'device-defender-fleet-alerts'),
        additionalMetricsToRetainV2: [
          { metric: 'aws:num-disconnects' },
          { metric: 'aws:all-bytes-out', exportMetric: true },
        ],
        metricsExportConfig: {
          mqttTopic: '$aws/rules/device_defender_metrics_export',
          roleArn: `arn:aws:iam::${scope.accountId}:role/DeviceDefenderMetricsExport`,
        },
      },
    },
    {
      name: 'gateway-network-lockdown',
      ageDays: 90,
      updates: 2,
      tags: [
        { Key: 'environment', Value: 'production' },
        { Key: 'device-class', Value: 'edge-gateway' },
      ],
      targets: ['thinggroup/edge-gateways'],
      fields: {
        securityProfileDescription:
          'Edge gateways may only talk to private networks and listen on TLS ports.',
        behaviors: [
          {
            name: 'source-ip-private-only',
            metric: 'aws:source-ip-address',
            criteria: {
              comparisonOperator: 'in-cidr-set',
              value: { cidrs: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] },
            },
          },
          {
            name: 'no-egress-to-link-local',
            metric: 'aws:destination-ip-addresses',
            criteria: {
              comparisonOperator: 'not-in-cidr-set',
              value: { cidrs: ['169.254.0.0/16', '100.64.0.0/10'] },
            },
          },
          {
            name: 'tls-listeners-only',
            metric: 'aws:listening-tcp-ports',
            criteria: { comparisonOperator: 'in-port-set', value: { ports: [443, 8883] } },
          },
          {
            name: 'no-telnet-or-plain-mqtt',
            metric: 'aws:listening-tcp-ports',
            criteria: { comparisonOperator: 'not-in-port-set', value: { ports: [22, 23, 1883] } },
          },
          {
            name: 'no-udp-listeners',
            metric: 'aws:num-listening-udp-ports',
            criteria: {
              comparisonOperator: 'less-than-equals',
              value: { count: 0 },
              durationSeconds: 300,
            },
          },
          count('established-tcp', 'aws:num-established-tcp-connections', 'less-than', 32),
        ],
        alertTargets: SNS_ALERTS(scope, 'gateway-security-alerts'),
      },
    },
    {
      name: 'smart-meter-ml',
      ageDays: 60,
      updates: 1,
      tags: [{ Key: 'device-class', Value: 'smart-meter' }],
      targets: ['thinggroup/smart-meters'],
      fields: {
        securityProfileDescription:
          'ML Detect models trained on two weeks of smart meter traffic; alerts on anomalies only.',
        behaviors: [
          ml('ml-messages-sent', 'aws:num-messages-sent', 'MEDIUM'),
          ml('ml-authorization-failures', 'aws:num-authorization-failures', 'HIGH'),
          ml('ml-bytes-out', 'aws:all-bytes-out', 'LOW'),
          ml('ml-connection-attempts', 'aws:num-connection-attempts', 'MEDIUM'),
          {
            ...ml('ml-telemetry-volume', 'aws:num-messages-sent', 'HIGH'),
            metricDimension: { dimensionName: 'telemetry-topics', operator: 'IN' },
          },
          ml('ml-cpu-temperature', 'cpu-temperature-celsius', 'LOW'),
        ],
        alertTargets: SNS_ALERTS(scope, 'smart-meter-anomalies'),
        additionalMetricsToRetainV2: [
          { metric: 'aws:num-messages-received' },
          {
            metric: 'aws:num-messages-sent',
            metricDimension: { dimensionName: 'telemetry-topics' },
          },
        ],
      },
    },
    {
      name: 'camera-fleet-statistical',
      ageDays: 45,
      updates: 0,
      tags: [],
      targets: ['thinggroup/security-cameras'],
      fields: {
        securityProfileDescription:
          'Percentile thresholds learned from the whole camera fleet instead of fixed numbers.',
        behaviors: [
          statistical('bytes-out-p90', 'aws:all-bytes-out', 'less-than-equals', 'p90', 900),
          statistical('messages-sent-p99', 'aws:num-messages-sent', 'less-than', 'p99', 300),
          statistical(
            'auth-failures-p50',
            'aws:num-authorization-failures',
            'less-than',
            'p50',
            300,
          ),
          statistical('packets-in-p99-9', 'aws:all-packets-in', 'less-than', 'p99.9', 900),
          statistical('message-size-p90', 'aws:message-byte-size', 'less-than', 'p90', 300),
        ],
        additionalMetricsToRetainV2: [{ metric: 'aws:all-packets-out' }],
      },
    },
    {
      name: 'industrial-gateway-custom',
      ageDays: 30,
      updates: 3,
      tags: [{ Key: 'site', Value: 'plant-7' }],
      targets: ['thinggroup/plant-7-gateways'],
      fields: {
        securityProfileDescription:
          'Custom metrics reported by the plant-floor Modbus gateways, exported for the SOC.',
        behaviors: [
          {
            name: 'cpu-temperature-limit',
            metric: 'cpu-temperature-celsius',
            criteria: {
              comparisonOperator: 'less-than',
              value: { number: 85 },
              durationSeconds: 300,
              consecutiveDatapointsToAlarm: 3,
              consecutiveDatapointsToClear: 3,
            },
            exportMetric: true,
          },
          {
            name: 'known-modbus-units',
            metric: 'active-modbus-unit-ids',
            criteria: { comparisonOperator: 'not-in-set', value: { numbers: [0, 247, 255] } },
          },
          {
            name: 'approved-kernel-modules',
            metric: 'loaded-kernel-modules',
            criteria: {
              comparisonOperator: 'in-set',
              value: { strings: ['modbus_rtu', 'ftdi_sio', 'cdc_acm', 'nf_conntrack'] },
            },
          },
          {
            name: 'plant-network-peers',
            metric: 'upstream-peer-addresses',
            criteria: {
              comparisonOperator: 'in-cidr-set',
              value: { cidrs: ['10.70.0.0/16', '192.168.70.0/24'] },
            },
            suppressAlerts: true,
          },
        ],
        alertTargets: SNS_ALERTS(scope, 'plant-7-soc-alerts'),
        // Written before additionalMetricsToRetainV2 existed; kept to show the legacy list.
        additionalMetricsToRetain: ['aws:num-connection-attempts'],
        metricsExportConfig: {
          mqttTopic: '$aws/rules/plant_7_defender_export',
          roleArn: `arn:aws:iam::${scope.accountId}:role/DeviceDefenderMetricsExport`,
        },
      },
    },
    {
      name: 'topic-scoped-messaging',
      ageDays: 21,
      updates: 1,
      tags: [],
      targets: ['thinggroup/edge-gateways'],
      fields: {
        securityProfileDescription:
          'Message limits scoped to telemetry and command topics with TOPIC_FILTER dimensions.',
        behaviors: [
          {
            ...count('telemetry-rate', 'aws:num-messages-sent', 'less-than-equals', 600, 300),
            metricDimension: { dimensionName: 'telemetry-topics', operator: 'IN' },
          },
          {
            ...count('non-telemetry-size', 'aws:message-byte-size', 'less-than', 8192),
            metricDimension: { dimensionName: 'telemetry-topics', operator: 'NOT_IN' },
          },
          {
            ...count(
              'command-auth-failures',
              'aws:num-authorization-failures',
              'less-than',
              3,
              900,
            ),
            metricDimension: { dimensionName: 'command-topics' },
          },
          {
            ...count('command-receive-floor', 'aws:num-messages-received', 'greater-than', 0, 3600),
            metricDimension: { dimensionName: 'command-topics', operator: 'IN' },
          },
        ],
        additionalMetricsToRetainV2: [
          {
            metric: 'aws:num-messages-received',
            metricDimension: { dimensionName: 'telemetry-topics', operator: 'IN' },
          },
        ],
      },
    },
    {
      name: 'warehouse-sensors-full-coverage',
      ageDays: 7,
      updates: 0,
      tags: [{ Key: 'environment', Value: 'staging' }],
      targets: [],
      fields: {
        securityProfileDescription:
          'Every windowed count metric at every window: a profile at the 100-behavior limit.',
        behaviors: fullCoverageBehaviors(),
      },
    },
  ];
}

/**
 * The demo account a new store starts with: dimensions, custom metrics of all four types and
 * profiles that together use every comparison operator, static, statistical and ML behaviors,
 * alert targets, retained metrics (V2 and one legacy V1 list), metrics export, targets and tags.
 */
export function createSeedState(scope: AccountScope, now: number): StoreState {
  const state = emptyState();
  const created = now - 180 * DAY_MS;
  for (const [name, stringValues] of SEED_DIMENSIONS) {
    const record: DimensionRecord = {
      type: 'TOPIC_FILTER',
      stringValues,
      createdAt: created,
      modifiedAt: created,
      tags: [],
      clientRequestToken: `seed-${name}`,
    };
    state.dimensions.set(name, record);
  }
  for (const [name, metricType, displayName] of SEED_CUSTOM_METRICS) {
    const record: CustomMetricRecord = {
      metricType,
      displayName,
      createdAt: created,
      modifiedAt: created,
      tags: [],
      clientRequestToken: `seed-${name}`,
    };
    state.customMetrics.set(name, record);
  }
  for (const profile of seedProfiles(scope)) {
    const createdAt = now - profile.ageDays * DAY_MS;
    const record: ProfileRecord = {
      fields: profile.fields,
      version: profile.updates + 1,
      createdAt,
      modifiedAt:
        profile.updates === 0 ? createdAt : createdAt + Math.round((profile.ageDays * DAY_MS) / 2),
      tags: profile.tags,
      targets: profile.targets.map((target) => iotArn(scope, target)),
    };
    state.profiles.set(profile.name, record);
  }
  return state;
}
