/**
 * The port set editor's model: text such as "22, 80 8000-8010" becomes a sorted list of unique
 * ports, and the tokens that are not ports or ranges stay as text with the reason.
 */

import { MAX_VALUE_ELEMENTS } from '../../../../domain/validation';

export const MIN_PORT = 0;
export const MAX_PORT = 65535;

export interface PortTokenProblem {
  token: string;
  message: string;
}

export interface ParsedPorts {
  /** Every port the valid tokens name, ranges expanded, in the order written (may repeat). */
  ports: number[];
  /** Tokens that are not a port or a range, with why. */
  problems: PortTokenProblem[];
}

const PORT_TEXT = /^\d{1,5}$/;

function portProblem(text: string): string | undefined {
  if (!PORT_TEXT.test(text)) return `"${text}" is not a port number`;
  const port = Number(text);
  if (port < MIN_PORT || port > MAX_PORT) {
    return `${port} is not a port; ports are ${MIN_PORT} to ${MAX_PORT}`;
  }
  return undefined;
}

/**
 * Reads ports and inclusive ranges ("8000-8010") separated by newlines, commas, semicolons or
 * spaces; a half-typed range such as "80-" is a problem, not a port.
 */
export function parsePortText(text: string): ParsedPorts {
  const ports: number[] = [];
  const problems: PortTokenProblem[] = [];
  // "8000 - 8010" (spaces on both sides) is one range; "80- 443" is a half-typed range and a port.
  const tokens = text
    .replace(/(\d)\s+-\s+(?=\d)/g, '$1-')
    .split(/[\s,;]+/)
    .filter((token) => token !== '');
  for (const token of tokens) {
    const dash = token.indexOf('-');
    if (dash < 0) {
      const problem = portProblem(token);
      if (problem === undefined) ports.push(Number(token));
      else problems.push({ token, message: problem });
      continue;
    }
    const from = token.slice(0, dash);
    const to = token.slice(dash + 1);
    if (from === '' || to === '') {
      problems.push({
        token,
        message: `"${token}" is an unfinished range; write from-to, e.g. 8000-8010`,
      });
      continue;
    }
    const problem = portProblem(from) ?? portProblem(to);
    if (problem !== undefined) {
      problems.push({ token, message: problem });
      continue;
    }
    const start = Number(from);
    const end = Number(to);
    if (start > end) {
      problems.push({ token, message: `"${token}" runs backwards; write the lower port first` });
      continue;
    }
    for (let port = start; port <= end; port += 1) ports.push(port);
  }
  return { ports, problems };
}

/** The union of two port lists, unique and ascending. */
export function mergePorts(existing: readonly number[], added: readonly number[]): number[] {
  return [...new Set([...existing, ...added])].sort((a, b) => a - b);
}

/**
 * Why adding ports must be refused: undefined when the profile stays within the
 * {@link MAX_VALUE_ELEMENTS} quota. `profileElements` counts the profile's elements before the
 * change, `growth` how many this change adds.
 */
export function valueQuotaProblem(profileElements: number, growth: number): string | undefined {
  const total = profileElements + growth;
  if (growth <= 0 || total <= MAX_VALUE_ELEMENTS) return undefined;
  return `adding ${growth} ${growth === 1 ? 'value' : 'values'} would make ${total} value elements; a security profile allows at most ${MAX_VALUE_ELEMENTS} (each count or number is 1, each CIDR, port, number or string is 1)`;
}
