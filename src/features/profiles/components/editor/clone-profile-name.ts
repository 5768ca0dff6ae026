import { NAME_MAX_LENGTH } from '../../../../domain/validation';

const SUFFIX = '-copy';

/** The name a clone of `name` starts with: `<name>-copy`, shortened to stay within 128. */
export function cloneProfileName(name: string): string {
  return `${name.slice(0, NAME_MAX_LENGTH - SUFFIX.length)}${SUFFIX}`;
}
