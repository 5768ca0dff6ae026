/**
 * Reading react-hook-form error objects at dotted paths. The page's resolver puts a domain issue
 * at `behaviors.2.criteria.value.ports.0`; a message about a whole list sits on the array itself,
 * which react-hook-form exposes as `.message` or `.root.message`.
 */

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The error node at a dotted path below `errors` (numbers index arrays), or undefined. */
export function errorNodeAt(errors: unknown, path: string): unknown {
  let node: unknown = errors;
  for (const key of path.split('.')) {
    if (key === '') continue;
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** The message of an error node itself (its own or its list-level `root` message). */
export function ownMessage(node: unknown): string | undefined {
  if (!isObject(node)) return undefined;
  if (typeof node.message === 'string' && node.message !== '') return node.message;
  const root = node.root;
  if (isObject(root) && typeof root.message === 'string' && root.message !== '') {
    return root.message;
  }
  return undefined;
}

/** The message at a dotted path below `errors`, or undefined. */
export function errorMessageAt(errors: unknown, path: string): string | undefined {
  return ownMessage(errorNodeAt(errors, path));
}

/**
 * Every message at or below `path` outside the subtrees in `shown` (paths relative to `path`
 * that an input already displays, and besides the paths in `shownOwnOnly` whose own message is
 * displayed but whose children are not), as `relative.path: message`: nothing the resolver reports is
 * hidden just because no input owns its path.
 */
export function otherMessages(
  errors: unknown,
  path: string,
  shown: ReadonlySet<string>,
  shownOwnOnly: ReadonlySet<string> = new Set(),
): string[] {
  const found: string[] = [];
  const visit = (node: unknown, relative: string, depth: number): void => {
    if (!isObject(node) || depth > 8 || shown.has(relative)) return;
    const message = ownMessage(node);
    if (message !== undefined && !shownOwnOnly.has(relative)) {
      found.push(relative === '' ? message : `${relative}: ${message}`);
    }
    for (const [key, child] of Object.entries(node)) {
      // react-hook-form keeps the message, type, ref and root beside the children.
      if (
        key === 'message' ||
        key === 'type' ||
        key === 'ref' ||
        key === 'root' ||
        key === 'types'
      ) {
        continue;
      }
      visit(child, relative === '' ? key : `${relative}.${key}`, depth + 1);
    }
  };
  visit(errorNodeAt(errors, path), '', 0);
  return found;
}
