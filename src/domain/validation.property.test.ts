/**
 * Property-based tests of the request validator: generated valid requests pass, one-rule mutations
 * are refused at the mutated field, and arbitrary input never throws.
 *
 * Fixed seed by default, so CI is repeatable. A longer randomised pass:
 *   FC_RUNS=20000 FC_SEED=$RANDOM npx vitest run --project node src/domain/validation.property.test.ts
 * FC_RUNS sets the runs of every property; FC_SEED the seed (a failure prints the seed and path to
 * replay it).
 */

import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MetricDefinition } from './metric-catalogue';
import type { Behavior, CustomMetricType } from './security-profile';
import {
  type Json,
  type JsonObject,
  createRequestMutations,
  detectionsOf,
  jsonNodes,
  metricsOf,
  metricValueArb,
  nameArb,
  replaceAt,
  sampleElement,
  setAt,
  validBehaviorArb,
  validBehaviorsArb,
  validCreateRequestArb,
  validUpdateRequestArb,
  validationContextArb,
  wrongTypeArb,
} from './testing/arbitraries';
import {
  MAX_ISSUES,
  type ValidationContext,
  type ValidationIssue,
  countValueElements,
  formatIssue,
  validateBehaviors,
  validateCreateCustomMetricRequest,
  validateCreateDimensionRequest,
  validateCreateRequest,
  validateCustomMetricDisplayName,
  validateDimensionStringValues,
  validateMaxResults,
  validateName,
  validateTagKeys,
  validateTags,
  validateUpdateRequest,
} from './validation';

function envInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

const SEED = envInteger('FC_SEED') ?? 20_261_204;
const RUNS = envInteger('FC_RUNS');
/** A longer pass gets time in proportion; the default runs stay well inside the usual timeout. */
const TIMEOUT_MS = RUNS === undefined ? 60_000 : Math.max(60_000, RUNS * 40);

function params(defaultRuns: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: RUNS ?? defaultRuns };
}

/** Formats issues for a failure message: one `path: message` per line. */
function shown(issues: readonly ValidationIssue[]): string {
  return issues.map(formatIssue).join('\n');
}

/** Fails unless `issues` is a bounded list of issues with a string path and a non-empty message. */
function expectWellFormed(issues: unknown): void {
  expect(Array.isArray(issues)).toBe(true);
  const list = issues as unknown[];
  expect(list.length).toBeLessThanOrEqual(MAX_ISSUES + 1);
  for (const issue of list) {
    expect(issue).toEqual({
      path: expect.any(String),
      message: expect.stringMatching(/\S/),
      kind: expect.stringMatching(/^(constraint|semantic)$/),
    });
    const { path, message } = issue as ValidationIssue;
    // A huge or deep input must not make a huge message: values are quoted shortened.
    expect(message.length).toBeLessThan(2000);
    expect(path.length).toBeLessThan(1000);
  }
}

/** The account every per-metric table uses: one custom metric of each type, two dimensions. */
const FIXED_CTX: ValidationContext = {
  customMetrics: new Map<string, CustomMetricType>([
    ['cpu-temperature', 'number'],
    ['kernel-modules', 'string-list'],
    ['peer-addresses', 'ip-address-list'],
    ['modbus-units', 'number-list'],
  ]),
  dimensions: new Set(['telemetry-topics', 'command-topics']),
};

const ALL_METRICS: MetricDefinition[] = metricsOf(FIXED_CTX);

/**
 * Generated accounts (custom metric and dimension names of every allowed shape) plus the fixed
 * one. Drawn once per seed: building the generators for an account costs more than a run does.
 */
const CONTEXTS: ValidationContext[] = [
  FIXED_CTX,
  ...fc.sample(validationContextArb(), { seed: SEED, numRuns: 7 }),
];

/** `make(ctx)` over every account, each value paired with its account. */
function inAnyAccount<T>(
  make: (ctx: ValidationContext) => fc.Arbitrary<T>,
): fc.Arbitrary<{ ctx: ValidationContext; value: T }> {
  return fc.oneof(...CONTEXTS.map((ctx) => make(ctx).map((value) => ({ ctx, value }))));
}

const METRIC_ROWS = ALL_METRICS.flatMap((metric) =>
  detectionsOf(metric).map((detection) => ({ metric, detection })),
);

describe('valid requests are accepted', () => {
  it.each(METRIC_ROWS.map((row) => [`${row.metric.name} (${row.detection})`, row] as const))(
    'every valid behavior on %s',
    (_, { metric, detection }) => {
      fc.assert(
        fc.property(validBehaviorArb(FIXED_CTX, nameArb(), { metric, detection }), (behavior) => {
          const issues = validateBehaviors([behavior], FIXED_CTX);
          expect(issues, shown(issues)).toEqual([]);
        }),
        params(100),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'valid behaviors lists of 0–100 behaviors in generated accounts',
    () => {
      const arb = inAnyAccount((ctx) => validBehaviorsArb(ctx));
      fc.assert(
        fc.property(arb, ({ ctx, value: behaviors }) => {
          const issues = validateBehaviors(behaviors, ctx);
          expect(issues, shown(issues)).toEqual([]);
        }),
        params(500),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'valid CreateSecurityProfile bodies with every member',
    () => {
      const arb = inAnyAccount((ctx) => validCreateRequestArb(ctx));
      fc.assert(
        fc.property(arb, ({ ctx, value: body }) => {
          const issues = validateCreateRequest(body, ctx);
          expect(issues, shown(issues)).toEqual([]);
        }),
        params(1000),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'valid UpdateSecurityProfile bodies, delete flags included',
    () => {
      const arb = inAnyAccount((ctx) => validUpdateRequestArb(ctx));
      fc.assert(
        fc.property(arb, ({ ctx, value: body }) => {
          const issues = validateUpdateRequest(body, ctx);
          expect(issues, shown(issues)).toEqual([]);
        }),
        params(500),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'exactly 100 behaviors holding exactly 1000 value elements',
    () => {
      const listMetrics = ALL_METRICS.filter((m) => m.durations.length === 0);
      const arb = fc
        .tuple(fc.constantFrom(...listMetrics), fc.integer({ min: 1, max: 100 }))
        .chain(([metric, holders]) =>
          metricValueArb(metric.valueMember, 1).map((sample) => ({ metric, holders, sample })),
        )
        .map(({ metric, holders, sample }) => {
          const member = metric.valueMember;
          const list = sample[member];
          const element: Json =
            (Array.isArray(list) ? list[0] : undefined) ?? sampleElement(member);
          // `holders` behaviors share the 1000 elements; the rest are count behaviors with 1 each.
          const countBehaviors = 100 - holders;
          let left = 1000 - countBehaviors;
          const behaviors: JsonObject[] = [];
          for (let i = 0; i < holders; i += 1) {
            const size = i === holders - 1 ? left : Math.floor((1000 - countBehaviors) / holders);
            left -= size;
            behaviors.push({
              name: `list-${i}`,
              metric: metric.name,
              criteria: {
                comparisonOperator: metric.operators[0] ?? 'in-set',
                value: { [member]: Array.from({ length: size }, () => element) },
              },
            });
          }
          for (let i = 0; i < countBehaviors; i += 1) {
            behaviors.push({
              name: `count-${i}`,
              metric: 'aws:num-disconnects',
              criteria: { comparisonOperator: 'greater-than', value: { count: i } },
            });
          }
          return behaviors;
        });
      fc.assert(
        fc.property(arb, (behaviors) => {
          expect(behaviors).toHaveLength(100);
          // The generated JSON is Behavior-shaped; the cast only bridges the JSON type.
          expect(countValueElements(behaviors as unknown as Behavior[])).toBe(1000);
          const issues = validateBehaviors(behaviors, FIXED_CTX);
          expect(issues, shown(issues)).toEqual([]);
        }),
        params(100),
      );
    },
    TIMEOUT_MS,
  );
});

/** Every account's mutations, built once; every account has the same list of names. */
const MUTATIONS = CONTEXTS.map((ctx) => ({ ctx, mutations: createRequestMutations(ctx) }));
const MUTATION_NAMES = MUTATIONS[0]?.mutations.map((mutation) => mutation.name) ?? [];

describe('requests that break exactly one rule are refused at the broken field', () => {
  it.each(MUTATION_NAMES)(
    '%s',
    (name) => {
      const arb = fc.oneof(
        ...MUTATIONS.map(({ ctx, mutations }) => {
          const mutation = mutations.find((m) => m.name === name);
          if (mutation === undefined) throw new Error(`no mutation ${name}`);
          return mutation.arb.map((mutated) => ({ ctx, ...mutated }));
        }),
      );
      fc.assert(
        fc.property(arb, ({ ctx, body, paths }) => {
          const issues = validateCreateRequest(body, ctx);
          expectWellFormed(issues);
          const hits = issues.filter((issue) => paths.includes(issue.path));
          expect(
            hits,
            `expected an issue at ${paths.join(' or ')}, got:\n${shown(issues)}`,
          ).not.toHaveLength(0);
          // Update shares every profile rule; tags are a Create-only member.
          if (!paths.some((path) => path.startsWith('tags'))) {
            const updateIssues = validateUpdateRequest(body, ctx);
            expect(
              updateIssues.some((issue) => paths.includes(issue.path)),
              `Update: expected an issue at ${paths.join(' or ')}, got:\n${shown(updateIssues)}`,
            ).toBe(true);
          }
        }),
        params(150),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'a value of the wrong JSON type anywhere in a valid body is refused at exactly that path',
    () => {
      const arb = inAnyAccount((ctx) => validCreateRequestArb(ctx, { maxBehaviors: 20 }))
        .map(({ ctx, value }) => ({ ctx, body: value }))
        .filter(({ body }) => jsonNodes(body).length > 0)
        .chain(({ ctx, body }) =>
          fc.constantFrom(...jsonNodes(body)).chain((node) =>
            wrongTypeArb(node.value).map((replacement) => ({
              ctx,
              path: node.path,
              body: replaceAt(body, node.steps, replacement),
            })),
          ),
        );
      fc.assert(
        fc.property(arb, ({ ctx, path, body }) => {
          const issues = validateCreateRequest(body, ctx);
          expectWellFormed(issues);
          expect(
            issues.filter((issue) => issue.path === path && issue.kind === 'constraint'),
            `expected a constraint issue at ${path}, got:\n${shown(issues)}`,
          ).not.toHaveLength(0);
        }),
        params(2000),
      );
    },
    TIMEOUT_MS,
  );
});

/** Every exported validator that takes untrusted input, called with `input`. */
const VALIDATORS: [string, (input: unknown) => ValidationIssue[]][] = [
  ['validateCreateRequest', (input) => validateCreateRequest(input, FIXED_CTX)],
  ['validateUpdateRequest', (input) => validateUpdateRequest(input, FIXED_CTX)],
  ['validateBehaviors', (input) => validateBehaviors(input, FIXED_CTX)],
  ['validateTags', (input) => validateTags(input)],
  ['validateTagKeys', (input) => validateTagKeys(input)],
  ['validateCreateDimensionRequest', (input) => validateCreateDimensionRequest(input)],
  ['validateCreateCustomMetricRequest', (input) => validateCreateCustomMetricRequest(input)],
  ['validateDimensionStringValues', (input) => validateDimensionStringValues(input)],
  ['validateCustomMetricDisplayName', (input) => validateCustomMetricDisplayName(input)],
  ['validateName', (input) => validateName(input, 'name')],
  ['validateMaxResults', (input) => validateMaxResults(input)],
];

/** JS values beyond JSON too: boxed values, null prototypes, sparse arrays, -0, NaN, BigInt. */
const ANYTHING = fc.anything({
  maxDepth: 6,
  withBoxedValues: true,
  withNullPrototype: true,
  withSparseArray: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withObjectString: true,
});

describe('any input: validation never throws and always answers a list of issues', () => {
  it.each(VALIDATORS)(
    '%s on fc.anything() and on parsed fc.json()',
    (_, validate) => {
      fc.assert(
        fc.property(
          fc.oneof(
            ANYTHING,
            fc.json().map((text): unknown => JSON.parse(text)),
          ),
          (input) => {
            expectWellFormed(validate(input));
          },
        ),
        params(1000),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'valid bodies with any subtree replaced by anything',
    () => {
      const arb = inAnyAccount((ctx) => validCreateRequestArb(ctx, { maxBehaviors: 20 }))
        .map(({ ctx, value }) => ({ ctx, body: value }))
        .filter(({ body }) => jsonNodes(body).length > 0)
        .chain(({ ctx, body }) =>
          fc.tuple(fc.constantFrom(...jsonNodes(body)), ANYTHING).map(([node, replacement]) => {
            // structuredClone cannot copy every fc.anything() value, so the body is copied first.
            return { ctx, body: setAt(structuredClone(body), node.steps, replacement) };
          }),
        );
      fc.assert(
        fc.property(arb, ({ ctx, body }) => {
          expectWellFormed(validateCreateRequest(body, ctx));
          expectWellFormed(validateUpdateRequest(body, ctx));
          expectWellFormed(validateBehaviors(body['behaviors'], ctx));
        }),
        params(2000),
      );
    },
    TIMEOUT_MS,
  );

  const deep = (depth: number, leaf: unknown = 1): unknown => {
    let value = leaf;
    for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { a: value };
    return value;
  };
  const huge = 'x'.repeat(1024 * 1024);
  const behaviorWith = (criteria: unknown): unknown => ({
    behaviors: [{ name: 'b', metric: 'aws:listening-tcp-ports', criteria }],
  });
  const hostile: [string, unknown, string][] = [
    ['100,000-deep nesting as the body', [deep(100_000)], 'body'],
    ['deep nesting as behaviors', { behaviors: deep(100_000) }, 'behaviors'],
    ['deep nesting as a value member', behaviorWith({ value: deep(50_000) }), 'value'],
    ['a 1 MiB description', { securityProfileDescription: huge }, 'securityProfileDescription'],
    ['a 1 MiB behavior name', { behaviors: [{ name: huge }] }, 'behaviors[0].name'],
    [
      'a 1 MiB CIDR',
      {
        behaviors: [
          {
            name: 'b',
            metric: 'aws:source-ip-address',
            criteria: { comparisonOperator: 'in-cidr-set', value: { cidrs: [huge] } },
          },
        ],
      },
      'cidrs[0]',
    ],
    ['a 1 MiB alert target key', { alertTargets: { [huge]: {} } }, 'alertTargets.'],
    ['a 1 MiB operator', behaviorWith({ comparisonOperator: huge }), 'comparisonOperator'],
    [
      'a million bad ports',
      behaviorWith({ comparisonOperator: 'in-port-set', value: { ports: Array(1e6).fill(-1) } }),
      'ports',
    ],
    [
      '100,000 alert target keys',
      { alertTargets: Object.fromEntries(Array.from({ length: 1e5 }, (_, i) => [`k${i}`, 1])) },
      'alertTargets.',
    ],
    [
      '100,000 behaviors',
      { behaviors: Array.from({ length: 1e5 }, (_, i) => ({ name: `b${i}` })) },
      'behaviors',
    ],
    [
      'absurd numbers',
      behaviorWith({ durationSeconds: 1e308, value: { count: 2 ** 63 } }),
      'count',
    ],
  ];

  it.each(hostile)(
    '%s: bounded, well-formed issues naming the field',
    (_, input, fragment) => {
      const started = performance.now();
      const issues = validateCreateRequest(input, FIXED_CTX);
      expectWellFormed(issues);
      expect(
        issues.some((issue) => issue.path.includes(fragment)),
        shown(issues),
      ).toBe(true);
      // Bounded work: a hostile body costs a few hundred ms at most, not seconds.
      expect(performance.now() - started).toBeLessThan(2000);
    },
    TIMEOUT_MS,
  );
});
