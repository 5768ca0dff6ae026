import type { Tag } from '../../src/domain/security-profile';
import { validateTagKeys, validateTags } from '../../src/domain/validation';
import { invalidRequest, limitExceeded, notFound } from '../errors';
import type { Operation } from '../operation';
import { pickTags } from '../profile-shape';
import { refuseIssues } from '../refusals';
import type { StoreState } from '../store';
import { iotArn, requireQuery, type AccountScope } from '../wire';

/** Tags per resource: the limit AWS applies to every taggable resource. */
export const MAX_TAGS_PER_RESOURCE = 50;

/** The tag list of the profile, dimension or custom metric the ARN names, or 404. */
function tagsOf(state: StoreState, scope: AccountScope, arn: string): { tags: Tag[] } {
  const prefix = iotArn(scope, '');
  const resource = arn.startsWith(prefix) ? arn.slice(prefix.length) : '';
  const slash = resource.indexOf('/');
  const kind = resource.slice(0, slash);
  const name = resource.slice(slash + 1);
  const record =
    slash < 0
      ? undefined
      : kind === 'securityprofile'
        ? state.profiles.get(name)
        : kind === 'dimension'
          ? state.dimensions.get(name)
          : kind === 'custommetric'
            ? state.customMetrics.get(name)
            : undefined;
  if (record === undefined) throw notFound(`The resource ${arn} does not exist.`);
  return record;
}

function requireBodyArn(body: Readonly<Record<string, unknown>>): string {
  const arn = body['resourceArn'];
  if (typeof arn !== 'string' || arn === '') {
    throw invalidRequest(
      arn === undefined || arn === null
        ? 'resourceArn: is required'
        : 'resourceArn: must be a string',
    );
  }
  return arn;
}

const tagResource: Operation = {
  name: 'TagResource',
  method: 'POST',
  path: '/tags',
  handler: async (context) => {
    const arn = requireBodyArn(context.body);
    const tags = context.body['tags'];
    if (tags === undefined || tags === null) throw invalidRequest('tags: is required');
    refuseIssues(validateTags(tags));
    await context.store.mutate((draft) => {
      const record = tagsOf(draft, context.scope, arn);
      const merged = new Map(record.tags.map((tag) => [tag.Key, tag] as const));
      for (const tag of pickTags(tags)) merged.set(tag.Key, tag);
      if (merged.size > MAX_TAGS_PER_RESOURCE) {
        throw limitExceeded(
          `A resource can have at most ${MAX_TAGS_PER_RESOURCE} tags; this request would give ${arn} ${merged.size}.`,
        );
      }
      record.tags = [...merged.values()];
    });
    return {};
  },
};

const untagResource: Operation = {
  name: 'UntagResource',
  method: 'POST',
  path: '/untag',
  handler: async (context) => {
    const arn = requireBodyArn(context.body);
    const tagKeys = context.body['tagKeys'];
    refuseIssues(validateTagKeys(tagKeys));
    const remove = new Set(tagKeys as string[]);
    await context.store.mutate((draft) => {
      const record = tagsOf(draft, context.scope, arn);
      record.tags = record.tags.filter((tag) => !remove.has(tag.Key));
    });
    return {};
  },
};

const listTagsForResource: Operation = {
  name: 'ListTagsForResource',
  method: 'GET',
  path: '/tags',
  handler: async (context) => {
    const arn = requireQuery(context.query, 'resourceArn');
    // Every tag fits one page (at most 50 per resource), so no nextToken is ever returned.
    return { tags: tagsOf(context.store.read(), context.scope, arn).tags };
  },
};

/** TagResource, UntagResource and ListTagsForResource for profiles, dimensions and custom metrics. */
export const TAG_OPERATIONS: readonly Operation[] = [
  tagResource,
  untagResource,
  listTagsForResource,
];
