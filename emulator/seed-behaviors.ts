import { BUILT_IN_METRICS } from '../src/domain/metric-catalogue';
import type { Behavior, BehaviorCriteria } from '../src/domain/security-profile';

// Builders for the seed's behaviors, so the demo profiles read as data.

/** A static threshold on a built-in count metric. */
export const count = (
  name: string,
  metric: string,
  comparisonOperator: BehaviorCriteria['comparisonOperator'],
  value: number,
  durationSeconds?: number,
): Behavior => ({
  name,
  metric,
  criteria: {
    comparisonOperator,
    value: { count: value },
    ...(durationSeconds !== undefined ? { durationSeconds } : {}),
    consecutiveDatapointsToAlarm: 2,
    consecutiveDatapointsToClear: 2,
  },
});

/** An ML Detect behavior. */
export const ml = (
  name: string,
  metric: string,
  confidenceLevel: 'LOW' | 'MEDIUM' | 'HIGH',
): Behavior => ({
  name,
  metric,
  criteria: {
    consecutiveDatapointsToAlarm: 1,
    consecutiveDatapointsToClear: 1,
    mlDetectionConfig: { confidenceLevel },
  },
});

/** A statistical (percentile of the fleet) threshold. */
export const statistical = (
  name: string,
  metric: string,
  comparisonOperator: BehaviorCriteria['comparisonOperator'],
  statistic: NonNullable<BehaviorCriteria['statisticalThreshold']>['statistic'],
  durationSeconds: number,
): Behavior => ({
  name,
  metric,
  criteria: {
    comparisonOperator,
    statisticalThreshold: { statistic },
    durationSeconds,
    consecutiveDatapointsToAlarm: 1,
    consecutiveDatapointsToClear: 1,
  },
});

/**
 * A profile at exactly the 100-behavior limit: every built-in number metric that takes a window,
 * at each documented window, with thresholds that grow with the window. Generated from the domain
 * catalogue so it never names a metric or duration the validation would refuse.
 */
export function fullCoverageBehaviors(): Behavior[] {
  const windows = BUILT_IN_METRICS.filter(
    (metric) => metric.valueType === 'number' && metric.durations.length > 0,
  ).flatMap((metric) => metric.durations.map((duration) => ({ metric, duration })));
  const behaviors: Behavior[] = [];
  for (let index = 0; behaviors.length < 100; index += 1) {
    const slot = windows[index % windows.length];
    if (slot === undefined) break;
    const round = Math.floor(index / windows.length);
    const short = slot.metric.name.replace('aws:', '');
    behaviors.push(
      count(
        `${short}-${slot.duration / 60}m${round > 0 ? `-tier${round + 1}` : ''}`,
        slot.metric.name,
        round % 2 === 0 ? 'less-than' : 'less-than-equals',
        (slot.duration / 60) * 100 * (round + 1),
        slot.duration,
      ),
    );
  }
  return behaviors;
}
