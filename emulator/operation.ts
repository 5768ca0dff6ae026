import type { VerifiedCaller } from './sigv4';
import type { DurableStore } from './store';
import type { AccountScope } from './wire';

/** Everything a handler may use to answer one authenticated request. */
export interface OperationContext {
  /** Path labels, percent-decoded. */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The JSON request body; `{}` when the request has none. */
  body: Readonly<Record<string, unknown>>;
  store: DurableStore;
  scope: AccountScope;
  caller: VerifiedCaller;
  /** Epoch milliseconds; injectable so timestamps are testable. */
  now: () => number;
}

/** Answers one operation with its JSON output (`{}` for empty outputs), or throws an AwsError. */
export type OperationHandler = (context: OperationContext) => Promise<Record<string, unknown>>;

/** One restJson1 operation: its name as AWS spells it, HTTP binding and handler. */
export interface Operation {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The model's URI template, e.g. `/security-profiles/{securityProfileName}`. */
  path: string;
  handler: OperationHandler;
}
