/** Route patterns and link builders; every in-app URL is built here. */
export const paths = {
  home: { pattern: '/', href: () => '/' },
  profiles: { pattern: '/profiles', href: () => '/profiles' },
  profile: {
    pattern: '/profiles/:name',
    href: (name: string) => `/profiles/${encodeURIComponent(name)}`,
  },
} as const;
