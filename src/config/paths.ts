/** Route patterns and link builders; every in-app URL is built here. */
export const paths = {
  home: { pattern: '/', href: () => '/' },
  profiles: { pattern: '/profiles', href: () => '/profiles' },
  /** A new profile; `from` names a profile to clone (the new one starts as its copy). */
  newProfile: {
    pattern: '/profiles/new',
    href: (from?: string) =>
      from === undefined ? '/profiles/new' : `/profiles/new?from=${encodeURIComponent(from)}`,
  },
  /** One profile: the editor, or with `view` = 'details' its read-only page. */
  profile: {
    pattern: '/profiles/:name',
    href: (name: string, view?: 'details') =>
      `/profiles/${encodeURIComponent(name)}${view === undefined ? '' : `?view=${view}`}`,
  },
} as const;
