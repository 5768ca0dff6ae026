import {
  formatIssue,
  type ValidationContext,
  type ValidationIssue,
} from '../src/domain/validation';
import { invalidRequest } from './errors';
import type { StoreState } from './store';

/** The account facts validation needs: existing custom metrics (with types) and dimensions. */
export function validationContextOf(state: StoreState): ValidationContext {
  return {
    customMetrics: new Map(
      [...state.customMetrics].map(([name, record]) => [name, record.metricType] as const),
    ),
    dimensions: new Set(state.dimensions.keys()),
  };
}

/** One message naming every issue as `path: message`, separated by `; `. */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map(formatIssue).join('; ');
}

/** Throws 400 InvalidRequestException naming every issue, if there are any. */
export function refuseIssues(issues: readonly ValidationIssue[]): void {
  if (issues.length > 0) throw invalidRequest(describeIssues(issues));
}
