import type {
  Behavior as SdkBehavior,
  DescribeSecurityProfileCommandOutput,
  MetricDimension as SdkMetricDimension,
  MetricToRetain as SdkMetricToRetain,
} from '@aws-sdk/client-iot';
import {
  ALERT_TARGET_TYPES,
  COMPARISON_OPERATORS,
  CONFIDENCE_LEVELS,
  DIMENSION_VALUE_OPERATORS,
  STATISTICS,
} from '../../../domain/security-profile';
import type {
  AlertTargets,
  Behavior,
  BehaviorCriteria,
  MetricDimension,
  MetricToRetain,
  SecurityProfile,
} from '../../../domain/security-profile';

/** The service answered with a value this app's domain model cannot represent. */
export class UnexpectedResponseError extends Error {
  override readonly name = 'UnexpectedResponseError';
}

function oneOf<T extends string>(allowed: readonly T[], value: string, field: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UnexpectedResponseError(
    `The service returned ${field} "${value}", which this app does not know.`,
  );
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined)
    throw new UnexpectedResponseError(`The service response has no ${field}.`);
  return value;
}

function toDimension(dimension: SdkMetricDimension | undefined): MetricDimension | undefined {
  if (!dimension) return undefined;
  return {
    dimensionName: required(dimension.dimensionName, 'metricDimension.dimensionName'),
    ...(dimension.operator === undefined
      ? {}
      : { operator: oneOf(DIMENSION_VALUE_OPERATORS, dimension.operator, 'dimension operator') }),
  };
}

function toCriteria(criteria: NonNullable<SdkBehavior['criteria']>): BehaviorCriteria {
  const { comparisonOperator, statisticalThreshold, mlDetectionConfig, value } = criteria;
  return {
    ...(comparisonOperator === undefined
      ? {}
      : {
          comparisonOperator: oneOf(
            COMPARISON_OPERATORS,
            comparisonOperator,
            'comparison operator',
          ),
        }),
    ...(value === undefined ? {} : { value: { ...value } }),
    ...(criteria.durationSeconds === undefined
      ? {}
      : { durationSeconds: criteria.durationSeconds }),
    ...(criteria.consecutiveDatapointsToAlarm === undefined
      ? {}
      : { consecutiveDatapointsToAlarm: criteria.consecutiveDatapointsToAlarm }),
    ...(criteria.consecutiveDatapointsToClear === undefined
      ? {}
      : { consecutiveDatapointsToClear: criteria.consecutiveDatapointsToClear }),
    ...(statisticalThreshold === undefined
      ? {}
      : {
          statisticalThreshold:
            statisticalThreshold.statistic === undefined
              ? {}
              : { statistic: oneOf(STATISTICS, statisticalThreshold.statistic, 'statistic') },
        }),
    ...(mlDetectionConfig === undefined
      ? {}
      : {
          mlDetectionConfig: {
            confidenceLevel: oneOf(
              CONFIDENCE_LEVELS,
              required(mlDetectionConfig.confidenceLevel, 'mlDetectionConfig.confidenceLevel'),
              'ML confidence level',
            ),
          },
        }),
  };
}

function toBehavior(behavior: SdkBehavior): Behavior {
  const metricDimension = toDimension(behavior.metricDimension);
  return {
    name: required(behavior.name, 'behavior name'),
    ...(behavior.metric === undefined ? {} : { metric: behavior.metric }),
    ...(metricDimension ? { metricDimension } : {}),
    ...(behavior.criteria === undefined ? {} : { criteria: toCriteria(behavior.criteria) }),
    ...(behavior.suppressAlerts === undefined ? {} : { suppressAlerts: behavior.suppressAlerts }),
    ...(behavior.exportMetric === undefined ? {} : { exportMetric: behavior.exportMetric }),
  };
}

function toMetricToRetain(entry: SdkMetricToRetain): MetricToRetain {
  const metricDimension = toDimension(entry.metricDimension);
  return {
    metric: required(entry.metric, 'retained metric name'),
    ...(metricDimension ? { metricDimension } : {}),
    ...(entry.exportMetric === undefined ? {} : { exportMetric: entry.exportMetric }),
  };
}

function toAlertTargets(
  targets: DescribeSecurityProfileCommandOutput['alertTargets'],
): AlertTargets {
  const result: AlertTargets = {};
  for (const [type, target] of Object.entries(targets ?? {})) {
    if (!target) continue;
    result[oneOf(ALERT_TARGET_TYPES, type, 'alert target type')] = {
      alertTargetArn: required(target.alertTargetArn, 'alertTargetArn'),
      roleArn: required(target.roleArn, 'alert target roleArn'),
    };
  }
  return result;
}

/** Maps a DescribeSecurityProfile answer to the domain type; throws UnexpectedResponseError on gaps. */
export function toSecurityProfile(output: DescribeSecurityProfileCommandOutput): SecurityProfile {
  const { metricsExportConfig } = output;
  return {
    securityProfileName: required(output.securityProfileName, 'securityProfileName'),
    securityProfileArn: required(output.securityProfileArn, 'securityProfileArn'),
    version: required(output.version, 'version'),
    creationDate: required(output.creationDate, 'creationDate'),
    lastModifiedDate: required(output.lastModifiedDate, 'lastModifiedDate'),
    ...(output.securityProfileDescription === undefined
      ? {}
      : { securityProfileDescription: output.securityProfileDescription }),
    ...(output.behaviors === undefined ? {} : { behaviors: output.behaviors.map(toBehavior) }),
    ...(output.alertTargets === undefined
      ? {}
      : { alertTargets: toAlertTargets(output.alertTargets) }),
    ...(output.additionalMetricsToRetain === undefined
      ? {}
      : { additionalMetricsToRetain: [...output.additionalMetricsToRetain] }),
    ...(output.additionalMetricsToRetainV2 === undefined
      ? {}
      : { additionalMetricsToRetainV2: output.additionalMetricsToRetainV2.map(toMetricToRetain) }),
    ...(metricsExportConfig === undefined
      ? {}
      : {
          metricsExportConfig: {
            mqttTopic: required(metricsExportConfig.mqttTopic, 'metricsExportConfig.mqttTopic'),
            roleArn: required(metricsExportConfig.roleArn, 'metricsExportConfig.roleArn'),
          },
        }),
  };
}
