/**
 * The security-profile shapes of the AWS IoT API (2015-05-28), as the editor reasons about them.
 * Member names are the wire names, so a value of these types is also a valid request or response
 * body member. Timestamps are `Date`s; the wire carries epoch seconds.
 */

export const COMPARISON_OPERATORS = [
  'less-than',
  'less-than-equals',
  'greater-than',
  'greater-than-equals',
  'in-cidr-set',
  'not-in-cidr-set',
  'in-port-set',
  'not-in-port-set',
  'in-set',
  'not-in-set',
] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export const STATISTICS = [
  'p0',
  'p0.1',
  'p0.01',
  'p1',
  'p10',
  'p50',
  'p90',
  'p99',
  'p99.9',
  'p99.99',
  'p100',
] as const;
export type Statistic = (typeof STATISTICS)[number];

export const CONFIDENCE_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

export const DIMENSION_VALUE_OPERATORS = ['IN', 'NOT_IN'] as const;
export type DimensionValueOperator = (typeof DIMENSION_VALUE_OPERATORS)[number];

export const CUSTOM_METRIC_TYPES = [
  'string-list',
  'ip-address-list',
  'number-list',
  'number',
] as const;
export type CustomMetricType = (typeof CUSTOM_METRIC_TYPES)[number];

export const DIMENSION_TYPES = ['TOPIC_FILTER'] as const;
export type DimensionType = (typeof DIMENSION_TYPES)[number];

/** The only key the AlertTargets map may hold. */
export const ALERT_TARGET_TYPES = ['SNS'] as const;
export type AlertTargetType = (typeof ALERT_TARGET_TYPES)[number];

export interface MetricValue {
  count?: number;
  cidrs?: string[];
  ports?: number[];
  number?: number;
  numbers?: number[];
  strings?: string[];
}

export interface StatisticalThreshold {
  statistic?: Statistic;
}

export interface MachineLearningDetectionConfig {
  confidenceLevel: ConfidenceLevel;
}

export interface BehaviorCriteria {
  comparisonOperator?: ComparisonOperator;
  value?: MetricValue;
  durationSeconds?: number;
  consecutiveDatapointsToAlarm?: number;
  consecutiveDatapointsToClear?: number;
  statisticalThreshold?: StatisticalThreshold;
  mlDetectionConfig?: MachineLearningDetectionConfig;
}

export interface MetricDimension {
  dimensionName: string;
  /** Absent means IN. */
  operator?: DimensionValueOperator;
}

export interface Behavior {
  name: string;
  metric?: string;
  metricDimension?: MetricDimension;
  criteria?: BehaviorCriteria;
  suppressAlerts?: boolean;
  exportMetric?: boolean;
}

export interface AlertTarget {
  alertTargetArn: string;
  roleArn: string;
}

export type AlertTargets = Partial<Record<AlertTargetType, AlertTarget>>;

export interface MetricToRetain {
  metric: string;
  metricDimension?: MetricDimension;
  exportMetric?: boolean;
}

export interface MetricsExportConfig {
  mqttTopic: string;
  roleArn: string;
}

export interface Tag {
  Key: string;
  Value?: string;
}

/** The editable part of a profile: what Create takes and Update may replace. */
export interface SecurityProfileFields {
  securityProfileDescription?: string;
  behaviors?: Behavior[];
  alertTargets?: AlertTargets;
  /** Deprecated by AWS in favour of additionalMetricsToRetainV2; still read and shown. */
  additionalMetricsToRetain?: string[];
  additionalMetricsToRetainV2?: MetricToRetain[];
  metricsExportConfig?: MetricsExportConfig;
}

/** The members of SecurityProfileFields, in the order AWS documents them. */
export const PROFILE_FIELD_MEMBERS = [
  'securityProfileDescription',
  'behaviors',
  'alertTargets',
  'additionalMetricsToRetain',
  'additionalMetricsToRetainV2',
  'metricsExportConfig',
] as const satisfies readonly (keyof SecurityProfileFields)[];

/** A profile as DescribeSecurityProfile returns it. */
export interface SecurityProfile extends SecurityProfileFields {
  securityProfileName: string;
  securityProfileArn: string;
  version: number;
  creationDate: Date;
  lastModifiedDate: Date;
}

export interface CreateSecurityProfileRequest extends SecurityProfileFields {
  securityProfileName: string;
  tags?: Tag[];
}

export interface UpdateSecurityProfileRequest extends SecurityProfileFields {
  securityProfileName: string;
  expectedVersion?: number;
  deleteBehaviors?: boolean;
  deleteAlertTargets?: boolean;
  deleteAdditionalMetricsToRetain?: boolean;
  deleteMetricsExportConfig?: boolean;
}

export interface CustomMetric {
  metricName: string;
  metricType: CustomMetricType;
  displayName?: string;
}

export interface Dimension {
  name: string;
  type: DimensionType;
  stringValues: string[];
}
