import { validateCreateDimensionRequest, validateDimensionName } from '../../src/domain/validation';
import { alreadyExists, invalidRequest, limitExceeded, notFound } from '../errors';
import type { Operation, OperationContext } from '../operation';
import { pickTags } from '../profile-shape';
import { refuseIssues } from '../refusals';
import { profilesUsingDimension } from '../usage';
import { dimensionArn, dimensionOutput, paginate } from '../wire';

/** Metric dimensions per account (AWS quota, not adjustable). */
export const MAX_DIMENSIONS = 10;

function dimensionName(context: OperationContext): string {
  const name = context.params['name'] ?? '';
  refuseIssues(validateDimensionName(name));
  return name;
}

const createDimension: Operation = {
  name: 'CreateDimension',
  method: 'POST',
  path: '/dimensions/{name}',
  handler: async (context) => {
    const name = dimensionName(context);
    refuseIssues(validateCreateDimensionRequest(context.body));
    const arn = dimensionArn(context.scope, name);
    const token = context.body['clientRequestToken'] as string;
    return context.store.mutate((draft) => {
      const existing = draft.dimensions.get(name);
      if (existing !== undefined) {
        // clientRequestToken is the model's idempotency token: a retry of the same create
        // succeeds again; a different create of the same name is a conflict.
        if (existing.clientRequestToken === token) return { name, arn };
        throw alreadyExists('Dimension', name, arn);
      }
      if (draft.dimensions.size >= MAX_DIMENSIONS) {
        throw limitExceeded(
          `The account already has ${MAX_DIMENSIONS} dimensions, the maximum; delete one first.`,
        );
      }
      const now = context.now();
      draft.dimensions.set(name, {
        type: 'TOPIC_FILTER',
        stringValues: context.body['stringValues'] as string[],
        createdAt: now,
        modifiedAt: now,
        tags: pickTags(context.body['tags']),
        clientRequestToken: token,
      });
      return { name, arn };
    });
  },
};

const describeDimension: Operation = {
  name: 'DescribeDimension',
  method: 'GET',
  path: '/dimensions/{name}',
  handler: async (context) => {
    const name = dimensionName(context);
    const record = context.store.read().dimensions.get(name);
    if (record === undefined) throw notFound(`The dimension ${name} does not exist.`);
    return dimensionOutput(context.scope, name, record);
  },
};

const listDimensions: Operation = {
  name: 'ListDimensions',
  method: 'GET',
  path: '/dimensions',
  handler: async (context) => {
    const { page, nextToken } = paginate(
      [...context.store.read().dimensions.keys()],
      (name) => name,
      context.query,
    );
    return { dimensionNames: page, ...(nextToken !== undefined ? { nextToken } : {}) };
  },
};

const deleteDimension: Operation = {
  name: 'DeleteDimension',
  method: 'DELETE',
  path: '/dimensions/{name}',
  handler: async (context) => {
    const name = dimensionName(context);
    // No ResourceNotFoundException is modelled for DeleteDimension: a missing dimension is
    // already deleted, so the call succeeds (and a retried delete stays harmless).
    if (!context.store.read().dimensions.has(name)) return {};
    await context.store.mutate((draft) => {
      const users = profilesUsingDimension(draft, name);
      if (users.length > 0) {
        throw invalidRequest(
          `name: dimension ${name} is still used by security profile(s) ${users.join(', ')}; remove it from their behaviors and retained metrics first`,
        );
      }
      draft.dimensions.delete(name);
    });
    return {};
  },
};

/** CreateDimension, DescribeDimension, ListDimensions, DeleteDimension. */
export const DIMENSION_OPERATIONS: readonly Operation[] = [
  createDimension,
  describeDimension,
  listDimensions,
  deleteDimension,
];
