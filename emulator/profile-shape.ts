import type { SecurityProfileFields, Tag } from '../src/domain/security-profile';

/**
 * The members of each structure reachable from a profile, as the model defines them. `true` is a
 * leaf (scalar or scalar list); a nested spec is a structure; ListOf and MapOf hold structures.
 */
type Spec = { readonly [member: string]: Node };
type Node = true | Spec | ListOf | MapOf;

class ListOf {
  constructor(readonly spec: Spec) {}
}

class MapOf {
  constructor(readonly spec: Spec) {}
}

const METRIC_DIMENSION: Spec = { dimensionName: true, operator: true };

const BEHAVIOR: Spec = {
  name: true,
  metric: true,
  metricDimension: METRIC_DIMENSION,
  criteria: {
    comparisonOperator: true,
    value: { count: true, cidrs: true, ports: true, number: true, numbers: true, strings: true },
    durationSeconds: true,
    consecutiveDatapointsToAlarm: true,
    consecutiveDatapointsToClear: true,
    statisticalThreshold: { statistic: true },
    mlDetectionConfig: { confidenceLevel: true },
  },
  suppressAlerts: true,
  exportMetric: true,
};

const PROFILE_FIELDS: Spec = {
  securityProfileDescription: true,
  behaviors: new ListOf(BEHAVIOR),
  alertTargets: new MapOf({ alertTargetArn: true, roleArn: true }),
  additionalMetricsToRetain: true,
  additionalMetricsToRetainV2: new ListOf({
    metric: true,
    metricDimension: METRIC_DIMENSION,
    exportMetric: true,
  }),
  metricsExportConfig: { mqttTopic: true, roleArn: true },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function projectNode(value: unknown, node: Node): unknown {
  if (node === true) return value;
  if (node instanceof ListOf) {
    return Array.isArray(value) ? value.map((item) => projectStructure(item, node.spec)) : value;
  }
  if (node instanceof MapOf) {
    if (!isRecord(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (entry !== null) out[key] = projectStructure(entry, node.spec);
    }
    return out;
  }
  return projectStructure(value, node);
}

function projectStructure(value: unknown, spec: Spec): unknown {
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(spec)) {
    const member = Object.hasOwn(value, key) ? value[key] : undefined;
    if (member !== undefined && member !== null) out[key] = projectNode(member, node);
  }
  return out;
}

/**
 * The profile members of an already validated request body, keeping only members the model
 * defines and dropping nulls (absent in restJson1), so Describe echoes exactly what AWS would.
 */
export function pickProfileFields(body: Readonly<Record<string, unknown>>): SecurityProfileFields {
  return projectStructure(body, PROFILE_FIELDS) as SecurityProfileFields;
}

/** The Tag structures of an already validated TagList (absent or null → none), members as modelled. */
export function pickTags(tags: unknown): Tag[] {
  if (!Array.isArray(tags)) return [];
  return tags
    .filter(isRecord)
    .map((tag) =>
      typeof tag['Value'] === 'string'
        ? { Key: String(tag['Key']), Value: tag['Value'] }
        : { Key: String(tag['Key']) },
    );
}
