import { describe, expect, it } from 'vitest';
import type {
  Behavior,
  SecurityProfile,
  SecurityProfileFields,
  UpdateSecurityProfileRequest,
} from './security-profile';
import {
  buildCreateRequest,
  buildUpdateRequest,
  hasChanges,
  parseCliInputJson,
  shellQuote,
  toCliCommand,
  toCliInput,
  toCliInputJson,
} from './update-request';

const failures: Behavior = {
  name: 'AuthFailures',
  metric: 'aws:num-authorization-failures',
  criteria: { comparisonOperator: 'less-than', value: { count: 5 }, durationSeconds: 300 },
};
const sourceIp: Behavior = {
  name: 'SourceIp',
  metric: 'aws:source-ip-address',
  criteria: {
    comparisonOperator: 'in-cidr-set',
    value: { cidrs: ['10.0.0.0/8', '192.168.0.0/16'] },
  },
};
const sns = {
  SNS: {
    alertTargetArn: 'arn:aws:sns:us-east-1:123456789012:alerts',
    roleArn: 'arn:aws:iam::123456789012:role/alerts',
  },
};
const exportConfig = {
  mqttTopic: '$aws/rules/export',
  roleArn: 'arn:aws:iam::123456789012:role/export',
};

function loaded(fields: SecurityProfileFields): SecurityProfile {
  return {
    securityProfileName: 'Fleet',
    securityProfileArn: 'arn:aws:iot:us-east-1:123456789012:securityprofile/Fleet',
    version: 7,
    creationDate: new Date(0),
    lastModifiedDate: new Date(0),
    ...fields,
  };
}

const full: SecurityProfileFields = {
  securityProfileDescription: 'Fleet profile',
  behaviors: [failures, sourceIp],
  alertTargets: sns,
  additionalMetricsToRetainV2: [{ metric: 'aws:num-messages-sent' }],
  metricsExportConfig: exportConfig,
};

const head = { securityProfileName: 'Fleet', expectedVersion: 7 };

describe('buildUpdateRequest (PATCH: only what changed, emptied lists as delete flags)', () => {
  it.each<[string, SecurityProfileFields, SecurityProfileFields, UpdateSecurityProfileRequest]>([
    ['nothing changed: name and version only', full, { ...full }, head],
    [
      'a description edit sends the description only',
      full,
      { ...full, securityProfileDescription: 'New words' },
      { ...head, securityProfileDescription: 'New words' },
    ],
    [
      'a cleared description is sent as an empty string',
      full,
      { ...full, securityProfileDescription: undefined },
      { ...head, securityProfileDescription: '' },
    ],
    [
      "absent and '' descriptions are the same",
      { behaviors: [failures] },
      { behaviors: [failures], securityProfileDescription: '' },
      head,
    ],
    [
      'a changed threshold sends the whole behaviors list',
      full,
      {
        ...full,
        behaviors: [
          { ...failures, criteria: { ...failures.criteria, value: { count: 10 } } },
          sourceIp,
        ],
      },
      {
        ...head,
        behaviors: [
          { ...failures, criteria: { ...failures.criteria, value: { count: 10 } } },
          sourceIp,
        ],
      },
    ],
    [
      'a reordered behaviors list is a change',
      full,
      { ...full, behaviors: [sourceIp, failures] },
      { ...head, behaviors: [sourceIp, failures] },
    ],
    [
      'absent and false booleans inside a behavior are the same',
      full,
      {
        ...full,
        behaviors: [{ ...failures, suppressAlerts: false, exportMetric: false }, sourceIp],
      },
      head,
    ],
    [
      'a reordered CIDR set is not a change (sets compare as sets)',
      full,
      {
        ...full,
        behaviors: [
          failures,
          {
            ...sourceIp,
            criteria: {
              comparisonOperator: 'in-cidr-set',
              value: { cidrs: ['192.168.0.0/16', '10.0.0.0/8'] },
            },
          },
        ],
      },
      head,
    ],
    [
      'behaviors emptied → deleteBehaviors, no list',
      full,
      { ...full, behaviors: [] },
      { ...head, deleteBehaviors: true },
    ],
    [
      'behaviors removed → deleteBehaviors',
      full,
      { ...full, behaviors: undefined },
      { ...head, deleteBehaviors: true },
    ],
    ['absent and empty behaviors are the same', { behaviors: [] }, {}, head],
    [
      'alert targets emptied → deleteAlertTargets',
      full,
      { ...full, alertTargets: {} },
      { ...head, deleteAlertTargets: true },
    ],
    [
      'alert target changed → the map',
      full,
      {
        ...full,
        alertTargets: {
          SNS: { ...sns.SNS, alertTargetArn: 'arn:aws:sns:us-east-1:123456789012:other' },
        },
      },
      {
        ...head,
        alertTargets: {
          SNS: { ...sns.SNS, alertTargetArn: 'arn:aws:sns:us-east-1:123456789012:other' },
        },
      },
    ],
    ['absent and empty alert targets are the same', {}, { alertTargets: {} }, head],
    [
      'export config removed → deleteMetricsExportConfig',
      full,
      { ...full, metricsExportConfig: undefined },
      { ...head, deleteMetricsExportConfig: true },
    ],
    [
      'export config changed → the config',
      full,
      { ...full, metricsExportConfig: { ...exportConfig, mqttTopic: '$aws/rules/other' } },
      { ...head, metricsExportConfig: { ...exportConfig, mqttTopic: '$aws/rules/other' } },
    ],
    [
      'several members at once',
      full,
      {
        securityProfileDescription: 'Fleet profile',
        behaviors: [failures],
        additionalMetricsToRetainV2: full.additionalMetricsToRetainV2,
      },
      { ...head, behaviors: [failures], deleteAlertTargets: true, deleteMetricsExportConfig: true },
    ],
  ])('%s', (_title, before, after, expected) => {
    expect(buildUpdateRequest(loaded(before), after)).toEqual(expected);
  });
});

describe('buildUpdateRequest: retained metrics (V1 legacy + V2 are one group)', () => {
  const v2 = [{ metric: 'aws:num-messages-sent' }];
  it.each<[string, SecurityProfileFields, SecurityProfileFields, UpdateSecurityProfileRequest]>([
    [
      'neither changed: neither sent',
      { additionalMetricsToRetain: ['aws:num-disconnects'], additionalMetricsToRetainV2: v2 },
      { additionalMetricsToRetain: ['aws:num-disconnects'], additionalMetricsToRetainV2: [...v2] },
      head,
    ],
    [
      'V2 entry added: V2 sent',
      { additionalMetricsToRetainV2: v2 },
      {
        additionalMetricsToRetainV2: [...v2, { metric: 'aws:num-disconnects', exportMetric: true }],
      },
      {
        ...head,
        additionalMetricsToRetainV2: [...v2, { metric: 'aws:num-disconnects', exportMetric: true }],
      },
    ],
    [
      'both emptied: the delete flag, no lists',
      { additionalMetricsToRetain: ['aws:num-disconnects'], additionalMetricsToRetainV2: v2 },
      {},
      { ...head, deleteAdditionalMetricsToRetain: true },
    ],
    [
      'V2 emptied with no V1: the delete flag',
      { additionalMetricsToRetainV2: v2 },
      { additionalMetricsToRetainV2: [] },
      { ...head, deleteAdditionalMetricsToRetain: true },
    ],
    [
      'migrate legacy V1 to V2 in one save: V2 sent, V1 not sent (the endpoint clears V1)',
      { additionalMetricsToRetain: ['aws:num-disconnects'] },
      { additionalMetricsToRetainV2: [{ metric: 'aws:num-disconnects' }] },
      { ...head, additionalMetricsToRetainV2: [{ metric: 'aws:num-disconnects' }] },
    ],
    [
      'V1 edited on a legacy profile: V1 only',
      { additionalMetricsToRetain: ['aws:num-disconnects'] },
      { additionalMetricsToRetain: ['aws:num-disconnects', 'aws:num-connection-attempts'] },
      {
        ...head,
        additionalMetricsToRetain: ['aws:num-disconnects', 'aws:num-connection-attempts'],
      },
    ],
    [
      'V1 changed while V2 stays non-empty: V2 is re-sent with V1 so it is not superseded',
      { additionalMetricsToRetain: ['aws:num-disconnects'], additionalMetricsToRetainV2: v2 },
      {
        additionalMetricsToRetain: ['aws:num-connection-attempts'],
        additionalMetricsToRetainV2: v2,
      },
      {
        ...head,
        additionalMetricsToRetain: ['aws:num-connection-attempts'],
        additionalMetricsToRetainV2: v2,
      },
    ],
    [
      'V1 emptied while V2 stays: V2 alone (which supersedes V1)',
      { additionalMetricsToRetain: ['aws:num-disconnects'], additionalMetricsToRetainV2: v2 },
      { additionalMetricsToRetainV2: v2 },
      { ...head, additionalMetricsToRetainV2: v2 },
    ],
    [
      'V2 emptied while V1 stays: V1 sent as V2 entries, since [] would change nothing',
      { additionalMetricsToRetain: ['aws:num-disconnects'], additionalMetricsToRetainV2: v2 },
      { additionalMetricsToRetain: ['aws:num-disconnects'], additionalMetricsToRetainV2: [] },
      { ...head, additionalMetricsToRetainV2: [{ metric: 'aws:num-disconnects' }] },
    ],
    [
      'a reordered V1 list is no change',
      { additionalMetricsToRetain: ['a', 'b'] },
      { additionalMetricsToRetain: ['b', 'a'] },
      head,
    ],
    [
      'absent and false exportMetric in V2 are the same',
      { additionalMetricsToRetainV2: v2 },
      { additionalMetricsToRetainV2: [{ metric: 'aws:num-messages-sent', exportMetric: false }] },
      head,
    ],
  ])('%s', (_title, before, after, expected) => {
    expect(buildUpdateRequest(loaded(before), after)).toEqual(expected);
  });

  it('re-sends untouched legacy V1 entries with a V2 change, so the endpoint does not supersede them', () => {
    const before = {
      additionalMetricsToRetain: ['aws:num-disconnects'],
      additionalMetricsToRetainV2: v2,
    };
    const after = {
      additionalMetricsToRetain: ['aws:num-disconnects'],
      additionalMetricsToRetainV2: [...v2, { metric: 'aws:all-bytes-out' }],
    };
    expect(buildUpdateRequest(loaded(before), after)).toEqual({ ...head, ...after });
  });

  it('never sends a list together with its delete flag', () => {
    const cases: SecurityProfileFields[] = [
      {},
      { behaviors: [] },
      { alertTargets: {} },
      { additionalMetricsToRetainV2: [] },
    ];
    for (const edited of cases) {
      const request = buildUpdateRequest(loaded(full), edited);
      if (request.deleteBehaviors === true) expect(request.behaviors).toBeUndefined();
      if (request.deleteAlertTargets === true) expect(request.alertTargets).toBeUndefined();
      if (request.deleteAdditionalMetricsToRetain === true) {
        expect(request.additionalMetricsToRetain).toBeUndefined();
        expect(request.additionalMetricsToRetainV2).toBeUndefined();
      }
    }
  });

  it('copies the edited values, so later edits of the form do not change the request', () => {
    const edited: SecurityProfileFields = { behaviors: [structuredClone(failures)] };
    const request = buildUpdateRequest(loaded({}), edited);
    const first = edited.behaviors?.[0];
    if (first?.criteria?.value !== undefined) first.criteria.value.count = 99;
    expect(request.behaviors?.[0]?.criteria?.value?.count).toBe(5);
  });
});

describe('buildCreateRequest', () => {
  it.each<[string, SecurityProfileFields, object]>([
    ['everything present', full, { securityProfileName: 'New', ...full }],
    [
      'empty lists, maps and description are left out',
      {
        securityProfileDescription: '',
        behaviors: [],
        alertTargets: {},
        additionalMetricsToRetain: [],
        additionalMetricsToRetainV2: [],
      },
      { securityProfileName: 'New' },
    ],
  ])('%s', (_title, draft, expected) => {
    expect(buildCreateRequest('New', draft)).toEqual(expected);
  });

  it.each([
    [undefined, undefined],
    [[], undefined],
    [[{ Key: 'team', Value: 'iot' }], [{ Key: 'team', Value: 'iot' }]],
  ])('tags %j are sent as %j', (tags, expected) => {
    expect(buildCreateRequest('New', {}, tags).tags).toEqual(expected);
  });
});

describe('hasChanges', () => {
  it.each<[UpdateSecurityProfileRequest, boolean]>([
    [head, false],
    [{ securityProfileName: 'Fleet' }, false],
    [{ ...head, securityProfileDescription: '' }, true],
    [{ ...head, deleteBehaviors: true }, true],
    [{ ...head, deleteBehaviors: false, deleteMetricsExportConfig: false }, false],
    [{ ...head, behaviors: [failures] }, true],
  ])('%j → %s', (request, expected) => {
    expect(hasChanges(request)).toBe(expected);
  });

  it('agrees with buildUpdateRequest on an unchanged profile', () => {
    expect(hasChanges(buildUpdateRequest(loaded(full), structuredClone(full)))).toBe(false);
  });
});

describe('AWS CLI input', () => {
  it('uses the API member names in the CLI skeleton order and drops non-input members', () => {
    const request = buildUpdateRequest(loaded(full), {
      ...full,
      behaviors: [],
      securityProfileDescription: 'x',
    });
    expect(Object.keys(toCliInput(request))).toEqual([
      'securityProfileName',
      'securityProfileDescription',
      'deleteBehaviors',
      'expectedVersion',
    ]);
    const fromProfile = toCliInput({ ...loaded(full), securityProfileName: 'Fleet' });
    expect(fromProfile).not.toHaveProperty('securityProfileArn');
    expect(fromProfile).not.toHaveProperty('version');
  });

  it('toCliInputJson is indented JSON that parses back to the input', () => {
    const request = buildCreateRequest('New', full, [{ Key: 'k', Value: 'v' }]);
    const text = toCliInputJson(request);
    expect(text).toContain('\n  "securityProfileName": "New"');
    expect(JSON.parse(text)).toEqual(toCliInput(request));
  });

  it.each([
    ['plain', "'plain'"],
    ["it's", "'it'\\''s'"],
    ["''", "''\\'''\\'''"],
    ['$HOME `x` "q"', '\'$HOME `x` "q"\''],
  ])('shellQuote(%j) = %s', (text, expected) => {
    expect(shellQuote(text)).toBe(expected);
  });

  it('builds an update command whose quoted JSON survives an apostrophe in the description', () => {
    const request = buildUpdateRequest(loaded(full), {
      ...full,
      securityProfileDescription: "Bob's fleet",
    });
    expect(toCliCommand(request, 'update')).toBe(
      `aws iot update-security-profile --cli-input-json '{"securityProfileName":"Fleet","securityProfileDescription":"Bob'\\''s fleet","expectedVersion":7}'`,
    );
  });

  it('builds a create command', () => {
    expect(toCliCommand(buildCreateRequest('New', { behaviors: [failures] }), 'create')).toMatch(
      /^aws iot create-security-profile --cli-input-json '\{"securityProfileName":"New","behaviors":\[/,
    );
  });

  it.each<[string, object, 'update' | 'create', string]>([
    [
      'create with expectedVersion',
      head,
      'create',
      'create-security-profile takes no expectedVersion',
    ],
    [
      'update with tags',
      { securityProfileName: 'x', tags: [{ Key: 'a' }] },
      'update',
      'update-security-profile takes no tags',
    ],
  ])('refuses %s', (_title, request, op, message) => {
    expect(() => toCliCommand(request as UpdateSecurityProfileRequest, op)).toThrow(message);
  });
});

describe('parseCliInputJson', () => {
  it('reads back what toCliInputJson wrote for an update', () => {
    const request = buildUpdateRequest(loaded(full), {
      ...full,
      behaviors: [failures],
      alertTargets: {},
      metricsExportConfig: undefined,
    });
    expect(parseCliInputJson(toCliInputJson(request))).toEqual({
      ok: true,
      name: 'Fleet',
      expectedVersion: 7,
      fields: { behaviors: [failures] },
      cleared: ['alertTargets', 'metricsExportConfig'],
    });
  });

  it('reads a create input with tags', () => {
    const request = buildCreateRequest('New', full, [{ Key: 'team', Value: 'iot' }]);
    expect(parseCliInputJson(toCliInputJson(request))).toEqual({
      ok: true,
      name: 'New',
      fields: full,
      cleared: [],
      tags: [{ Key: 'team', Value: 'iot' }],
    });
  });

  it('reads a describe-security-profile output, ignoring arn, version and dates', () => {
    const described = JSON.stringify({
      securityProfileName: 'Fleet',
      securityProfileArn: 'arn:aws:iot:us-east-1:123456789012:securityprofile/Fleet',
      behaviors: [failures],
      version: 3,
      creationDate: 1585854500.474,
      lastModifiedDate: 1585854500.474,
    });
    expect(parseCliInputJson(described)).toEqual({
      ok: true,
      name: 'Fleet',
      fields: { behaviors: [failures] },
      cleared: [],
    });
  });

  it('reads null members as absent, as the wire protocol does', () => {
    const result = parseCliInputJson(
      '{"securityProfileName":"A","behaviors":[{"name":"b","metric":"aws:num-disconnects","metricDimension":null,"criteria":{"comparisonOperator":"less-than","value":{"count":1}}}],"metricsExportConfig":null}',
    );
    expect(result).toEqual({
      ok: true,
      name: 'A',
      fields: {
        behaviors: [
          {
            name: 'b',
            metric: 'aws:num-disconnects',
            criteria: { comparisonOperator: 'less-than', value: { count: 1 } },
          },
        ],
      },
      cleared: [],
    });
  });

  it.each([
    ['not JSON', '{"behaviors": [', /^The file is not valid JSON: /],
    ['a list', '[]', /got a list$/],
    ['a string', '"profile"', /got string$/],
    ['null', 'null', /got null$/],
    ['an empty object', '{}', /has none of securityProfileName/],
    ['only output members', '{"version": 2}', /has none of securityProfileName/],
    [
      'an unrelated document',
      '{"Version":"2012-10-17","Statement":[]}',
      /unknown members "Version", "Statement"/,
    ],
    [
      'a bad name',
      '{"securityProfileName":"has space"}',
      /securityProfileName: "has space" has characters that are not allowed/,
    ],
    [
      'a fractional version',
      '{"securityProfileName":"a","expectedVersion":1.5}',
      /expectedVersion: expected a whole number/,
    ],
    [
      'behaviors that are not a list',
      '{"behaviors":{"name":"x"}}',
      /behaviors: expected a list, got an object/,
    ],
    [
      'a behavior without a name',
      '{"behaviors":[{"metric":"aws:num-disconnects"}]}',
      /behaviors\[0\]\.name: is required/,
    ],
    [
      'a delete flag with its list',
      '{"securityProfileName":"a","deleteBehaviors":true,"behaviors":[]}',
      /deleteBehaviors: cannot be true in the same call as behaviors/,
    ],
    [
      'tags with update members',
      '{"securityProfileName":"a","expectedVersion":1,"tags":[]}',
      /mixes tags/,
    ],
    [
      'an alert target type other than SNS',
      '{"alertTargets":{"EMAIL":{"alertTargetArn":"x","roleArn":"arn:aws:iam::123456789012:role/r"}}}',
      /alertTargets\.EMAIL/,
    ],
  ])('refuses %s with a clear message', (_title, text, message) => {
    const result = parseCliInputJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('leaves semantic checks (unknown custom metrics) to the editor, which knows the account', () => {
    const result = parseCliInputJson(
      '{"behaviors":[{"name":"c","metric":"my-metric","criteria":{"comparisonOperator":"less-than","value":{"number":1}}}]}',
    );
    expect(result.ok).toBe(true);
  });
});

/**
 * UpdateSecurityProfile as AWS's CloudFormation handler and the local endpoint apply it: absent
 * members stay, empty lists change nothing, flags clear, and V2 without V1 supersedes V1.
 */
function applyPatch(
  current: SecurityProfileFields,
  request: UpdateSecurityProfileRequest,
): SecurityProfileFields {
  const next: SecurityProfileFields = structuredClone(current);
  const nonEmpty = (list: readonly unknown[] | undefined): boolean => (list?.length ?? 0) > 0;
  if (request.securityProfileDescription !== undefined) {
    next.securityProfileDescription = request.securityProfileDescription;
  }
  if (nonEmpty(request.behaviors)) next.behaviors = request.behaviors;
  if (Object.keys(request.alertTargets ?? {}).length > 0) next.alertTargets = request.alertTargets;
  if (nonEmpty(request.additionalMetricsToRetain)) {
    next.additionalMetricsToRetain = request.additionalMetricsToRetain;
  }
  if (nonEmpty(request.additionalMetricsToRetainV2)) {
    next.additionalMetricsToRetainV2 = request.additionalMetricsToRetainV2;
    if (!nonEmpty(request.additionalMetricsToRetain)) delete next.additionalMetricsToRetain;
  }
  if (request.metricsExportConfig !== undefined)
    next.metricsExportConfig = request.metricsExportConfig;
  if (request.deleteBehaviors === true) delete next.behaviors;
  if (request.deleteAlertTargets === true) delete next.alertTargets;
  if (request.deleteAdditionalMetricsToRetain === true) {
    delete next.additionalMetricsToRetain;
    delete next.additionalMetricsToRetainV2;
  }
  if (request.deleteMetricsExportConfig === true) delete next.metricsExportConfig;
  return next;
}

describe('buildUpdateRequest applied by a PATCH endpoint yields exactly the edited profile', () => {
  const legacy: SecurityProfileFields = {
    ...full,
    additionalMetricsToRetain: ['aws:num-disconnects'],
  };
  const edits: [string, SecurityProfileFields, SecurityProfileFields][] = [
    ['no change', full, full],
    ['everything removed', full, {}],
    ['everything added', {}, full],
    [
      'a behavior removed and one changed',
      full,
      { ...full, behaviors: [{ ...failures, suppressAlerts: true }] },
    ],
    [
      'legacy V1 migrated to V2',
      legacy,
      { ...full, additionalMetricsToRetainV2: [{ metric: 'aws:num-disconnects' }] },
    ],
    [
      'V2 edited while V1 stays',
      legacy,
      {
        ...legacy,
        additionalMetricsToRetainV2: [
          ...(full.additionalMetricsToRetainV2 ?? []),
          { metric: 'aws:all-bytes-in' },
        ],
      },
    ],
    [
      'V1 edited while V2 stays',
      legacy,
      { ...legacy, additionalMetricsToRetain: ['aws:all-bytes-out'] },
    ],
    ['V1 emptied while V2 stays', legacy, full],
    ['description cleared', full, { ...full, securityProfileDescription: '' }],
  ];

  it.each(edits)('%s', (_title, before, after) => {
    const applied = applyPatch(before, buildUpdateRequest(loaded(before), after));
    expect(buildUpdateRequest(loaded(applied), after)).toEqual(head);
  });

  it('V2 emptied while V1 stays keeps the same retained metrics, moved to V2', () => {
    const applied = applyPatch(
      legacy,
      buildUpdateRequest(loaded(legacy), { ...legacy, additionalMetricsToRetainV2: [] }),
    );
    expect(applied.additionalMetricsToRetain).toBeUndefined();
    expect(applied.additionalMetricsToRetainV2).toEqual([{ metric: 'aws:num-disconnects' }]);
  });
});
