import { AwsError } from './errors';
import type { Operation } from './operation';

/** A matched operation and its decoded path labels. */
export interface RouteMatch {
  operation: Operation;
  params: Record<string, string>;
}

type Segment = { literal: string } | { label: string };

/** Finds operations by method and raw (percent-encoded) path, as the model binds them. */
export class Router {
  private readonly routes: { operation: Operation; segments: Segment[] }[];

  constructor(operations: readonly Operation[]) {
    this.routes = operations.map((operation) => ({
      operation,
      segments: operation.path
        .split('/')
        .slice(1)
        .map((segment) =>
          segment.startsWith('{') && segment.endsWith('}')
            ? { label: segment.slice(1, -1) }
            : { literal: segment },
        ),
    }));
  }

  /** The operation for `method rawPath`, or undefined when no operation is bound there. */
  match(method: string, rawPath: string): RouteMatch | undefined {
    const parts = rawPath.split('/').slice(1);
    for (const route of this.routes) {
      if (route.operation.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let matched = true;
      for (const [index, segment] of route.segments.entries()) {
        const part = parts[index] ?? '';
        if ('literal' in segment) {
          if (segment.literal !== part) matched = false;
        } else if (part === '') {
          matched = false;
        } else {
          params[segment.label] = decodeLabel(part, segment.label);
        }
        if (!matched) break;
      }
      if (matched) return { operation: route.operation, params };
    }
    return undefined;
  }
}

function decodeLabel(part: string, label: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new AwsError(
      'InvalidRequestException',
      `${label}: the path segment is not valid percent-encoding`,
    );
  }
}
