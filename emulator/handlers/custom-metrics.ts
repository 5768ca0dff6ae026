import type { CustomMetricType } from '../../src/domain/security-profile';
import {
  validateCreateCustomMetricRequest,
  validateCustomMetricName,
  validateMetricName,
} from '../../src/domain/validation';
import { alreadyExists, invalidRequest, limitExceeded, notFound } from '../errors';
import type { Operation, OperationContext } from '../operation';
import { pickTags } from '../profile-shape';
import { refuseIssues } from '../refusals';
import { profilesUsingMetric } from '../usage';
import { customMetricArn, customMetricOutput, paginate } from '../wire';

/** Custom metrics per account (AWS default quota). */
export const MAX_CUSTOM_METRICS = 100;

function metricName(context: OperationContext): string {
  const name = context.params['metricName'] ?? '';
  refuseIssues(validateMetricName(name));
  return name;
}

const createCustomMetric: Operation = {
  name: 'CreateCustomMetric',
  method: 'POST',
  path: '/custom-metric/{metricName}',
  handler: async (context) => {
    const name = context.params['metricName'] ?? '';
    refuseIssues([
      ...validateCustomMetricName(name),
      ...validateCreateCustomMetricRequest(context.body),
    ]);
    const arn = customMetricArn(context.scope, name);
    const token = context.body['clientRequestToken'] as string;
    const displayName = context.body['displayName'];
    return context.store.mutate((draft) => {
      const existing = draft.customMetrics.get(name);
      if (existing !== undefined) {
        // Same idempotency rule as CreateDimension: "If you try to create a new custom metric
        // that already exists with a different token, an exception occurs."
        if (existing.clientRequestToken === token) return { metricName: name, metricArn: arn };
        throw alreadyExists('Custom metric', name, arn);
      }
      if (draft.customMetrics.size >= MAX_CUSTOM_METRICS) {
        throw limitExceeded(
          `The account already has ${MAX_CUSTOM_METRICS} custom metrics, the maximum; delete one first.`,
        );
      }
      const now = context.now();
      draft.customMetrics.set(name, {
        metricType: context.body['metricType'] as CustomMetricType,
        ...(typeof displayName === 'string' ? { displayName } : {}),
        createdAt: now,
        modifiedAt: now,
        tags: pickTags(context.body['tags']),
        clientRequestToken: token,
      });
      return { metricName: name, metricArn: arn };
    });
  },
};

const describeCustomMetric: Operation = {
  name: 'DescribeCustomMetric',
  method: 'GET',
  path: '/custom-metric/{metricName}',
  handler: async (context) => {
    const name = metricName(context);
    const record = context.store.read().customMetrics.get(name);
    if (record === undefined) throw notFound(`The custom metric ${name} does not exist.`);
    return customMetricOutput(context.scope, name, record);
  },
};

const listCustomMetrics: Operation = {
  name: 'ListCustomMetrics',
  method: 'GET',
  path: '/custom-metrics',
  handler: async (context) => {
    const { page, nextToken } = paginate(
      [...context.store.read().customMetrics.keys()],
      (name) => name,
      context.query,
    );
    return { metricNames: page, ...(nextToken !== undefined ? { nextToken } : {}) };
  },
};

const deleteCustomMetric: Operation = {
  name: 'DeleteCustomMetric',
  method: 'DELETE',
  path: '/custom-metric/{metricName}',
  handler: async (context) => {
    const name = metricName(context);
    // No ResourceNotFoundException is modelled for DeleteCustomMetric: deleting a missing metric
    // succeeds, like the other deletes of this API.
    if (!context.store.read().customMetrics.has(name)) return {};
    await context.store.mutate((draft) => {
      const users = profilesUsingMetric(draft, name);
      if (users.length > 0) {
        throw invalidRequest(
          `metricName: custom metric ${name} is still used by security profile(s) ${users.join(', ')}; remove it from their behaviors and retained metrics first`,
        );
      }
      draft.customMetrics.delete(name);
    });
    return {};
  },
};

/** CreateCustomMetric, DescribeCustomMetric, ListCustomMetrics, DeleteCustomMetric. */
export const CUSTOM_METRIC_OPERATIONS: readonly Operation[] = [
  createCustomMetric,
  describeCustomMetric,
  listCustomMetrics,
  deleteCustomMetric,
];
