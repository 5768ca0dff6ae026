import { describe, expect, it } from 'vitest';
import { type MergeChoice, mergeProfiles, resolveMerge } from './profile-merge';
import type { Behavior, SecurityProfileFields } from './security-profile';

const messages: Behavior = {
  name: 'HighMessages',
  metric: 'aws:num-messages-sent',
  criteria: { comparisonOperator: 'less-than-equals', value: { count: 100 }, durationSeconds: 300 },
};
const sourceIp: Behavior = {
  name: 'SourceIp',
  metric: 'aws:source-ip-address',
  criteria: {
    comparisonOperator: 'in-cidr-set',
    value: { cidrs: ['10.0.0.0/8', '192.168.0.0/16'] },
  },
};
const ports: Behavior = {
  name: 'Ports',
  metric: 'aws:listening-tcp-ports',
  criteria: { comparisonOperator: 'in-port-set', value: { ports: [443, 8883] } },
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
const base: SecurityProfileFields = {
  securityProfileDescription: 'Fleet',
  behaviors: [messages, sourceIp, ports],
  alertTargets: sns,
  additionalMetricsToRetain: ['aws:num-disconnects'],
  additionalMetricsToRetainV2: [{ metric: 'aws:num-connection-attempts' }],
  metricsExportConfig: exportConfig,
};

type Edit = (fields: SecurityProfileFields) => void;

/** base with edits applied to a deep copy. */
function edit(...edits: Edit[]): SecurityProfileFields {
  const copy = structuredClone(base);
  for (const apply of edits) apply(copy);
  return copy;
}

function behavior(fields: SecurityProfileFields, name: string): Behavior {
  const found = fields.behaviors?.find((b) => b.name === name);
  if (found === undefined) throw new Error(`no behavior ${name}`);
  return found;
}

const setCount =
  (name: string, count: number): Edit =>
  (f) => {
    const criteria = behavior(f, name).criteria;
    if (criteria !== undefined) criteria.value = { count };
  };
const setCidrs =
  (cidrs: string[]): Edit =>
  (f) => {
    const criteria = behavior(f, 'SourceIp').criteria;
    if (criteria !== undefined) criteria.value = { cidrs };
  };
const setPorts =
  (list: number[]): Edit =>
  (f) => {
    const criteria = behavior(f, 'Ports').criteria;
    if (criteria !== undefined) criteria.value = { ports: list };
  };
const removeBehavior =
  (name: string): Edit =>
  (f) => {
    f.behaviors = f.behaviors?.filter((b) => b.name !== name);
  };
const addBehavior =
  (added: Behavior): Edit =>
  (f) => {
    f.behaviors = [...(f.behaviors ?? []), added];
  };
const describeAs =
  (text: string | undefined): Edit =>
  (f) => {
    f.securityProfileDescription = text;
  };

describe('mergeProfiles: scenarios', () => {
  it.each<[string, SecurityProfileFields, SecurityProfileFields, SecurityProfileFields, string[]]>([
    [
      'disjoint behavior edits merge silently',
      edit(setCount('HighMessages', 200)),
      edit(setPorts([443])),
      edit(setCount('HighMessages', 200), setPorts([443])),
      [],
    ],
    [
      'a description change on one side is taken',
      edit(describeAs('Mine')),
      edit(setCount('HighMessages', 50)),
      edit(describeAs('Mine'), setCount('HighMessages', 50)),
      [],
    ],
    [
      'the same change on both sides is no conflict',
      edit(setCount('HighMessages', 200), describeAs('Same')),
      edit(setCount('HighMessages', 200), describeAs('Same')),
      edit(setCount('HighMessages', 200), describeAs('Same')),
      [],
    ],
    [
      'the same leaf changed differently is a conflict (merged holds theirs until resolved)',
      edit(setCount('HighMessages', 200)),
      edit(setCount('HighMessages', 50)),
      edit(setCount('HighMessages', 50)),
      ['behaviors[name=HighMessages].criteria.value.count'],
    ],
    [
      'set: elements added on both sides are all kept',
      edit(setCidrs(['10.0.0.0/8', '192.168.0.0/16', '172.16.0.0/12'])),
      edit(setCidrs(['10.0.0.0/8', '192.168.0.0/16', '100.64.0.0/10'])),
      edit(setCidrs(['10.0.0.0/8', '192.168.0.0/16', '100.64.0.0/10', '172.16.0.0/12'])),
      [],
    ],
    [
      'set: an element removed on one side is removed (other side adds one)',
      edit(setCidrs(['10.0.0.0/8'])),
      edit(setCidrs(['10.0.0.0/8', '192.168.0.0/16', '100.64.0.0/10'])),
      edit(setCidrs(['10.0.0.0/8', '100.64.0.0/10'])),
      [],
    ],
    [
      'set: one side adds while the other removes a different one, ports',
      edit(setPorts([443, 8883, 22])),
      edit(setPorts([8883])),
      edit(setPorts([8883, 22])),
      [],
    ],
    [
      'set: the same element removed on both sides',
      edit(setPorts([443])),
      edit(setPorts([443])),
      edit(setPorts([443])),
      [],
    ],
    [
      'behavior removed on one side, unchanged on the other: removed',
      edit(removeBehavior('Ports')),
      edit(describeAs('Theirs')),
      edit(removeBehavior('Ports'), describeAs('Theirs')),
      [],
    ],
    [
      'behavior removed on one side, changed on the other: conflict (default keeps theirs)',
      edit(removeBehavior('HighMessages')),
      edit(setCount('HighMessages', 50)),
      edit(setCount('HighMessages', 50)),
      ['behaviors[name=HighMessages]'],
    ],
    [
      'behaviors added on each side: theirs order, then mine additions',
      edit(addBehavior({ ...messages, name: 'MineNew' })),
      edit(addBehavior({ ...messages, name: 'TheirsNew' })),
      edit(
        addBehavior({ ...messages, name: 'TheirsNew' }),
        addBehavior({ ...messages, name: 'MineNew' }),
      ),
      [],
    ],
    [
      'a rename on one side is a removal plus an addition',
      edit((f) => {
        f.behaviors = f.behaviors?.map((b) =>
          b.name === 'Ports' ? { ...b, name: 'TcpPorts' } : b,
        );
      }),
      edit(setCount('HighMessages', 50)),
      edit(
        setCount('HighMessages', 50),
        removeBehavior('Ports'),
        addBehavior({ ...ports, name: 'TcpPorts' }),
      ),
      [],
    ],
    [
      'alert target: different leaves changed on each side merge',
      edit((f) => {
        f.alertTargets = { SNS: { ...sns.SNS, roleArn: 'arn:aws:iam::123456789012:role/mine' } };
      }),
      edit((f) => {
        f.alertTargets = {
          SNS: { ...sns.SNS, alertTargetArn: 'arn:aws:sns:us-east-1:123456789012:theirs' },
        };
      }),
      edit((f) => {
        f.alertTargets = {
          SNS: {
            alertTargetArn: 'arn:aws:sns:us-east-1:123456789012:theirs',
            roleArn: 'arn:aws:iam::123456789012:role/mine',
          },
        };
      }),
      [],
    ],
    [
      'alert target: removed on one side, changed on the other is a conflict',
      edit((f) => {
        f.alertTargets = {};
      }),
      edit((f) => {
        f.alertTargets = { SNS: { ...sns.SNS, roleArn: 'arn:aws:iam::123456789012:role/theirs' } };
      }),
      edit((f) => {
        f.alertTargets = { SNS: { ...sns.SNS, roleArn: 'arn:aws:iam::123456789012:role/theirs' } };
      }),
      ['alertTargets.SNS'],
    ],
    [
      'export config removed on one side and changed on the other: conflict',
      edit((f) => {
        f.metricsExportConfig = { ...exportConfig, mqttTopic: '$aws/rules/mine' };
      }),
      edit((f) => {
        delete f.metricsExportConfig;
      }),
      edit((f) => {
        delete f.metricsExportConfig;
      }),
      ['metricsExportConfig'],
    ],
    [
      'legacy retained metrics merge as a set',
      edit((f) => {
        f.additionalMetricsToRetain = ['aws:num-disconnects', 'aws:num-messages-received'];
      }),
      edit((f) => {
        f.additionalMetricsToRetain = [];
      }),
      edit((f) => {
        f.additionalMetricsToRetain = ['aws:num-messages-received'];
      }),
      [],
    ],
    [
      'V2 retained metrics: an entry added on each side',
      edit((f) => {
        f.additionalMetricsToRetainV2?.push({
          metric: 'aws:num-messages-sent',
          exportMetric: true,
        });
      }),
      edit((f) => {
        f.additionalMetricsToRetainV2?.push({ metric: 'aws:num-disconnects' });
      }),
      edit((f) => {
        f.additionalMetricsToRetainV2?.push(
          { metric: 'aws:num-disconnects' },
          { metric: 'aws:num-messages-sent', exportMetric: true },
        );
      }),
      [],
    ],
    [
      'both sides emptied the behaviors',
      edit((f) => {
        f.behaviors = [];
      }),
      edit((f) => {
        delete f.behaviors;
      }),
      edit((f) => {
        delete f.behaviors;
      }),
      [],
    ],
  ])('%s', (_title, mine, theirs, expected, conflictIds) => {
    const result = mergeProfiles(base, mine, theirs);
    expect(result.merged).toEqual(expected);
    expect(result.conflicts.map((c) => c.id)).toEqual(conflictIds);
  });
});

describe('mergeProfiles: notes and conflict details', () => {
  it('lists one-side changes in plain words with their side', () => {
    const result = mergeProfiles(
      base,
      edit(setCount('HighMessages', 200)),
      edit(describeAs('Theirs')),
    );
    expect(result.autoMerged).toEqual([
      {
        path: 'securityProfileDescription',
        side: 'theirs',
        summary: 'kept their description "Theirs"',
      },
      {
        path: 'behaviors[name=HighMessages].criteria.value.count',
        side: 'mine',
        summary: 'took your change: criteria.value.count 100 → 200',
      },
    ]);
  });

  it('notes a change both sides made once, as both', () => {
    const result = mergeProfiles(
      base,
      edit(removeBehavior('Ports')),
      edit(removeBehavior('Ports')),
    );
    expect(result.autoMerged).toEqual([
      {
        path: 'behaviors[name=Ports]',
        side: 'both',
        summary: 'both removed behavior Ports the same way',
      },
    ]);
  });

  it('describes a leaf conflict with base, mine, theirs and two choices', () => {
    const [conflict] = mergeProfiles(
      base,
      edit(setCount('HighMessages', 200)),
      edit(setCount('HighMessages', 50)),
    ).conflicts;
    expect(conflict).toMatchObject({
      id: 'behaviors[name=HighMessages].criteria.value.count',
      path: 'behaviors[name=HighMessages].criteria.value.count',
      base: 100,
      mine: 200,
      theirs: 50,
      choices: ['mine', 'theirs'],
      summary: 'both changed criteria.value.count: yours 100 → 200, theirs 100 → 50',
    });
  });

  it('gives the same ids on every call with the same inputs', () => {
    const mine = edit(setCount('HighMessages', 200), describeAs('M'), removeBehavior('Ports'));
    const theirs = edit(setCount('HighMessages', 50), describeAs('T'), setPorts([1]));
    const first = mergeProfiles(base, mine, theirs).conflicts.map((c) => c.id);
    expect(first).toEqual([
      'securityProfileDescription',
      'behaviors[name=HighMessages].criteria.value.count',
      'behaviors[name=Ports]',
    ]);
    expect(mergeProfiles(base, mine, theirs).conflicts.map((c) => c.id)).toEqual(first);
  });

  it('added on both sides with the same name: a conflict per differing leaf, sets offer both', () => {
    const mineNew: Behavior = {
      name: 'Egress',
      metric: 'aws:destination-ip-addresses',
      criteria: { comparisonOperator: 'in-cidr-set', value: { cidrs: ['10.0.0.0/8'] } },
      suppressAlerts: true,
    };
    const theirsNew: Behavior = {
      name: 'Egress',
      metric: 'aws:destination-ip-addresses',
      criteria: { comparisonOperator: 'in-cidr-set', value: { cidrs: ['172.16.0.0/12'] } },
    };
    const result = mergeProfiles(base, edit(addBehavior(mineNew)), edit(addBehavior(theirsNew)));
    expect(result.conflicts.map((c) => [c.id, c.choices])).toEqual([
      ['behaviors[name=Egress].criteria.value.cidrs', ['mine', 'theirs', 'both']],
      ['behaviors[name=Egress].suppressAlerts', ['mine', 'theirs']],
    ]);
    const resolved = resolveMerge(result, {
      'behaviors[name=Egress].criteria.value.cidrs': 'both',
      'behaviors[name=Egress].suppressAlerts': 'theirs',
    });
    expect(behavior(resolved, 'Egress')).toEqual({
      ...theirsNew,
      criteria: {
        comparisonOperator: 'in-cidr-set',
        // The union: theirs' elements, then mine's.
        value: { cidrs: ['172.16.0.0/12', '10.0.0.0/8'] },
      },
    });
  });
});

describe('resolveMerge', () => {
  const leafConflict = mergeProfiles(
    base,
    edit(setCount('HighMessages', 200), describeAs('M')),
    edit(setCount('HighMessages', 50), describeAs('T')),
  );

  it.each<[MergeChoice, MergeChoice, number, string]>([
    ['mine', 'mine', 200, 'M'],
    ['theirs', 'theirs', 50, 'T'],
    ['mine', 'theirs', 200, 'T'],
  ])('count %s, description %s', (count, description, expectedCount, expectedDescription) => {
    const resolved = resolveMerge(leafConflict, {
      'behaviors[name=HighMessages].criteria.value.count': count,
      securityProfileDescription: description,
    });
    expect(behavior(resolved, 'HighMessages').criteria?.value).toEqual({ count: expectedCount });
    expect(resolved.securityProfileDescription).toBe(expectedDescription);
    expect(resolved.behaviors?.map((b) => b.name)).toEqual(['HighMessages', 'SourceIp', 'Ports']);
  });

  it.each<[string, MergeChoice, string[]]>([
    ['they removed, you changed: keep mine', 'mine', ['HighMessages', 'SourceIp', 'Ports']],
    ['they removed, you changed: accept the removal', 'theirs', ['HighMessages', 'SourceIp']],
  ])('%s', (_title, choice, names) => {
    const result = mergeProfiles(base, edit(setPorts([1])), edit(removeBehavior('Ports')));
    expect(result.merged.behaviors?.map((b) => b.name)).toEqual(['HighMessages', 'SourceIp']);
    const resolved = resolveMerge(result, { 'behaviors[name=Ports]': choice });
    expect(resolved.behaviors?.map((b) => b.name)).toEqual(names);
    if (choice === 'mine')
      expect(behavior(resolved, 'Ports').criteria?.value).toEqual({ ports: [1] });
  });

  it('re-inserts a kept behavior after its predecessor in your order', () => {
    const result = mergeProfiles(
      base,
      edit(setCount('HighMessages', 1)),
      edit(removeBehavior('HighMessages')),
    );
    const resolved = resolveMerge(result, { 'behaviors[name=HighMessages]': 'mine' });
    expect(resolved.behaviors?.map((b) => b.name)).toEqual(['HighMessages', 'SourceIp', 'Ports']);
  });

  it.each<[MergeChoice, SecurityProfileFields['metricsExportConfig']]>([
    ['mine', { ...exportConfig, mqttTopic: '$aws/rules/mine' }],
    ['theirs', undefined],
  ])('export config removed vs changed, choice %s', (choice, expected) => {
    const result = mergeProfiles(
      base,
      edit((f) => {
        f.metricsExportConfig = { ...exportConfig, mqttTopic: '$aws/rules/mine' };
      }),
      edit((f) => {
        delete f.metricsExportConfig;
      }),
    );
    expect(resolveMerge(result, { metricsExportConfig: choice }).metricsExportConfig).toEqual(
      expected,
    );
  });

  it.each<[MergeChoice, object | undefined]>([
    ['mine', undefined],
    ['theirs', { SNS: { ...sns.SNS, roleArn: 'arn:aws:iam::123456789012:role/theirs' } }],
  ])('alert target removed vs changed, choice %s', (choice, expected) => {
    const result = mergeProfiles(
      base,
      edit((f) => {
        f.alertTargets = {};
      }),
      edit((f) => {
        f.alertTargets = { SNS: { ...sns.SNS, roleArn: 'arn:aws:iam::123456789012:role/theirs' } };
      }),
    );
    const resolved = resolveMerge(result, { 'alertTargets.SNS': choice });
    expect(resolved.alertTargets).toEqual(expected ?? {});
  });

  it('resolves an alert target leaf conflict', () => {
    const result = mergeProfiles(
      base,
      edit((f) => {
        f.alertTargets = { SNS: { ...sns.SNS, roleArn: 'arn:aws:iam::123456789012:role/mine' } };
      }),
      edit((f) => {
        f.alertTargets = { SNS: { ...sns.SNS, roleArn: 'arn:aws:iam::123456789012:role/theirs' } };
      }),
    );
    expect(result.conflicts.map((c) => c.id)).toEqual(['alertTargets.SNS.roleArn']);
    expect(resolveMerge(result, { 'alertTargets.SNS.roleArn': 'mine' }).alertTargets).toEqual({
      SNS: { ...sns.SNS, roleArn: 'arn:aws:iam::123456789012:role/mine' },
    });
  });

  it('throws, naming them, when conflicts are left unresolved', () => {
    expect(() => resolveMerge(leafConflict, { securityProfileDescription: 'mine' })).toThrow(
      'resolveMerge: 1 conflict left unresolved: behaviors[name=HighMessages].criteria.value.count',
    );
  });

  it('throws on a choice the conflict does not offer', () => {
    expect(() =>
      resolveMerge(leafConflict, {
        securityProfileDescription: 'both',
        'behaviors[name=HighMessages].criteria.value.count': 'mine',
      }),
    ).toThrow('both is not a choice for securityProfileDescription');
  });

  it('returns the merge unchanged when there is nothing to resolve, without sharing objects', () => {
    const result = mergeProfiles(base, edit(describeAs('x')), base);
    const resolved = resolveMerge(result, {});
    expect(resolved).toEqual(result.merged);
    expect(resolved).not.toBe(result.merged);
  });
});

describe('mergeProfiles: an unchanged side yields the other side exactly', () => {
  const variants: [string, SecurityProfileFields][] = [
    ['a threshold edit', edit(setCount('HighMessages', 7))],
    ['a reorder', edit((f) => f.behaviors?.reverse())],
    ['a set reorder', edit(setCidrs(['192.168.0.0/16', '10.0.0.0/8']))],
    [
      'explicit defaults',
      edit((f) => {
        behavior(f, 'Ports').suppressAlerts = false;
        behavior(f, 'Ports').exportMetric = false;
      }),
    ],
    ['everything emptied', {}],
    [
      'empty lists',
      {
        behaviors: [],
        alertTargets: {},
        additionalMetricsToRetain: [],
        additionalMetricsToRetainV2: [],
      },
    ],
    [
      'a new behavior in the middle',
      edit((f) => {
        f.behaviors?.splice(1, 0, { ...messages, name: 'Inserted' });
      }),
    ],
    [
      'an ML switch',
      edit((f) => {
        behavior(f, 'HighMessages').criteria = { mlDetectionConfig: { confidenceLevel: 'HIGH' } };
      }),
    ],
  ];

  it.each(variants)('mergeProfiles(base, x, base) = x for %s', (_title, x) => {
    const result = mergeProfiles(base, x, base);
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toStrictEqual(x);
  });

  it.each(variants)('mergeProfiles(base, base, y) = y for %s', (_title, y) => {
    const result = mergeProfiles(base, base, y);
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toStrictEqual(y);
  });
});

describe('at the 100-behavior limit', () => {
  const behaviorAt = (index: number, count = 100 + index): Behavior => ({
    name: `behavior-${index}`,
    metric: 'aws:num-messages-sent',
    criteria: { comparisonOperator: 'less-than', value: { count }, durationSeconds: 300 },
  });
  const full: SecurityProfileFields = {
    behaviors: Array.from({ length: 100 }, (_, index) => behaviorAt(index)),
  };
  const withBehaviors = (change: (list: Behavior[]) => Behavior[]): SecurityProfileFields => ({
    behaviors: change(structuredClone(full.behaviors ?? [])),
  });

  it.each([
    [
      'edits of different behaviors and a removal merge without a conflict',
      withBehaviors((list) => list.map((b, i) => (i === 10 ? behaviorAt(10, 5) : b))),
      withBehaviors((list) =>
        list
          .filter((_, i) => i !== 50)
          .map((b) => (b.name === 'behavior-90' ? behaviorAt(90, 7) : b)),
      ),
      { conflicts: 0, length: 99, counts: { 'behavior-10': 5, 'behavior-90': 7 } },
    ],
    [
      'the same behavior changed differently is one conflict among a hundred',
      withBehaviors((list) => list.map((b, i) => (i === 42 ? behaviorAt(42, 1) : b))),
      withBehaviors((list) => list.map((b, i) => (i === 42 ? behaviorAt(42, 2) : b))),
      { conflicts: 1, length: 100, counts: { 'behavior-42': 2 } },
    ],
  ])('%s', (_label, mine, theirs, expected) => {
    const result = mergeProfiles(full, mine, theirs);
    expect(result.conflicts).toHaveLength(expected.conflicts);
    const merged = result.merged.behaviors ?? [];
    expect(merged).toHaveLength(expected.length);
    for (const [name, count] of Object.entries(expected.counts)) {
      expect(merged.find((b) => b.name === name)?.criteria?.value?.count).toBe(count);
    }
  });
});
