import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { builtInMetric, customMetricDefinition } from '../../../domain/metric-catalogue';
import type { Behavior, SecurityProfile } from '../../../domain/security-profile';
import { renderWithProviders } from '../../../testing/render';
import { AlertTargets } from './alert-targets';
import { BehaviorCard } from './behavior-card';
import { MetricsExport } from './metrics-export';
import { RetainedMetrics } from './retained-metrics';

function details(card: HTMLElement): Record<string, string> {
  const terms = within(card).getAllByRole('term');
  return Object.fromEntries(
    terms.map((term) => [term.textContent ?? '', term.nextElementSibling?.textContent ?? '']),
  );
}

describe('BehaviorCard', () => {
  it.each<[string, Behavior, Record<string, string>]>([
    [
      'a port set',
      {
        name: 'no-plain-listeners',
        metric: 'aws:listening-tcp-ports',
        criteria: { comparisonOperator: 'not-in-port-set', value: { ports: [22, 23, 40000] } },
      },
      {
        Detection: 'Static threshold',
        Operator: 'not in port set not-in-port-set',
        Ports: '22 (ssh)23 (telnet)40000',
        'Suppress alerts': 'No',
        'Export metric': 'No',
      },
    ],
    [
      'a statistical threshold with datapoints',
      {
        name: 'bytes-out-p90',
        metric: 'aws:all-bytes-out',
        criteria: {
          comparisonOperator: 'less-than-equals',
          statisticalThreshold: { statistic: 'p90' },
          durationSeconds: 900,
          consecutiveDatapointsToAlarm: 2,
          consecutiveDatapointsToClear: 4,
        },
        exportMetric: true,
      },
      {
        Detection: 'Statistical threshold (compared with all devices)',
        Operator: 'less than or equal to less-than-equals',
        Statistic: 'p90',
        Duration: '15 minutes (900 s)',
        'Datapoints to alarm': '2',
        'Datapoints to clear': '4',
        'Suppress alerts': 'No',
        'Export metric': 'Yes',
      },
    ],
    [
      'ML Detect scoped to a dimension',
      {
        name: 'ml-telemetry',
        metric: 'aws:num-messages-sent',
        metricDimension: { dimensionName: 'telemetry-topics', operator: 'NOT_IN' },
        criteria: { mlDetectionConfig: { confidenceLevel: 'HIGH' } },
        suppressAlerts: true,
      },
      {
        Detection: 'ML Detect (learned from device history)',
        'ML confidence': 'HIGH',
        Dimension: 'telemetry-topics (not in)',
        'Suppress alerts': 'Yes',
        'Export metric': 'No',
      },
    ],
  ])('shows every criteria detail of %s', (_, behavior, expected) => {
    const metric = behavior.metric ? builtInMetric(behavior.metric) : undefined;
    renderWithProviders(<BehaviorCard behavior={behavior} metric={metric} />);
    const card = screen.getByRole('article', { name: `Behavior ${behavior.name}` });
    expect(within(card).getByRole('heading', { level: 3, name: behavior.name })).toBeVisible();
    expect(card).toHaveTextContent(metric?.displayName ?? '');
    expect(details(card)).toEqual(expected);
  });

  it('names a custom metric by its display name', () => {
    const metric = customMetricDefinition({
      metricName: 'cpu-temp',
      metricType: 'number',
      displayName: 'CPU temperature',
    });
    renderWithProviders(
      <BehaviorCard
        behavior={{
          name: 'hot',
          metric: 'cpu-temp',
          criteria: { comparisonOperator: 'less-than', value: { number: 85 } },
        }}
        metric={metric}
      />,
    );
    const card = screen.getByRole('article', { name: 'Behavior hot' });
    expect(card).toHaveTextContent('CPU temperature · cpu-temp');
    expect(details(card)['Value']).toBe('85');
  });
});

const profile: SecurityProfile = {
  securityProfileName: 'p',
  securityProfileArn: 'arn:aws:iot:us-east-1:123456789012:securityprofile/p',
  version: 2,
  creationDate: new Date(0),
  lastModifiedDate: new Date(0),
  additionalMetricsToRetainV2: [
    {
      metric: 'aws:num-messages-sent',
      metricDimension: { dimensionName: 'topics' },
      exportMetric: true,
    },
  ],
  additionalMetricsToRetain: ['aws:num-disconnects'],
};

describe('profile sections', () => {
  it('lists V2 retained metrics with dimension and export flag, and V1 ones as legacy', () => {
    renderWithProviders(<RetainedMetrics profile={profile} customMetrics={new Map()} />);
    const table = screen.getByRole('table', { name: 'Retained metrics' });
    const [, v2, v1] = within(table).getAllByRole('row');
    expect(v2).toHaveTextContent('aws:num-messages-sent');
    expect(
      within(v2 as HTMLElement)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([expect.stringContaining('Messages sent'), 'topics (in)', 'Yes']);
    expect(v1).toHaveTextContent('aws:num-disconnects');
    expect(v1).toHaveTextContent('Legacy');
  });

  it('says when nothing is retained, exported or alerted', () => {
    renderWithProviders(
      <>
        <RetainedMetrics
          profile={{ ...profile, additionalMetricsToRetain: [], additionalMetricsToRetainV2: [] }}
          customMetrics={new Map()}
        />
        <MetricsExport config={undefined} />
        <AlertTargets alertTargets={{}} />
      </>,
    );
    expect(screen.getByText(/only the metrics the behaviors use are retained/)).toBeInTheDocument();
    expect(screen.getByText(/no metric values are exported/)).toBeInTheDocument();
    expect(screen.getByText(/violations are recorded but not sent anywhere/)).toBeInTheDocument();
  });

  it('shows the SNS topic and the role of the alert target', () => {
    renderWithProviders(
      <AlertTargets
        alertTargets={{
          SNS: {
            alertTargetArn: 'arn:aws:sns:us-east-1:123456789012:alerts',
            roleArn: 'arn:aws:iam::123456789012:role/Publisher',
          },
        }}
      />,
    );
    expect(details(document.body)).toEqual({
      'SNS topic ARN': 'arn:aws:sns:us-east-1:123456789012:alerts',
      'Role ARN': 'arn:aws:iam::123456789012:role/Publisher',
    });
  });
});
