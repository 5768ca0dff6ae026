import type { ProfileSummary } from '../api/security-profiles';

/**
 * The rows whose name or description contains every whitespace-separated word of the query,
 * ignoring case; an empty query keeps all rows.
 */
export function filterProfiles(rows: readonly ProfileSummary[], query: string): ProfileSummary[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const haystack = `${row.name}\n${row.description ?? ''}`.toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
