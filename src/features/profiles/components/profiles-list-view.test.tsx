import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import type { ProfileSummary } from '../api/security-profiles';
import { ProfilesListView } from './profiles-list-view';

const row = (
  name: string,
  description: string | undefined,
  behaviorsCount: number,
): ProfileSummary => ({
  name,
  arn: `arn:aws:iot:us-east-1:123456789012:securityprofile/${name}`,
  ...(description === undefined ? {} : { description }),
  behaviorsCount,
  lastModifiedDate: new Date('2026-11-30T10:00:00Z'),
  version: 1,
});

const rows = [
  row('auth-failures', 'Watches failed authorization attempts', 2),
  row('camera-fleet', 'Baseline for cameras on the shop floor', 5),
  row('ml-baseline', undefined, 1),
];

/** Holds the filter like the URL would, so typing drives the real component. */
function Harness({ initial = '' }: { initial?: string }) {
  const [filter, setFilter] = useState(initial);
  return <ProfilesListView rows={rows} filter={filter} onFilterChange={setFilter} />;
}

function visibleNames(): string[] {
  const table = screen.getByRole('table', { name: 'Security profiles' });
  return within(table)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

describe('ProfilesListView', () => {
  it('lists every profile with its behaviors count and a link to it', () => {
    renderWithProviders(<Harness />);
    expect(visibleNames()).toEqual(['auth-failures', 'camera-fleet', 'ml-baseline']);
    const camera = screen.getByRole('row', { name: /camera-fleet/ });
    expect(within(camera).getByRole('cell', { name: '5' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'camera-fleet' })).toHaveAttribute(
      'href',
      '/profiles/camera-fleet',
    );
  });

  it.each<[string, string[]]>([
    ['CAMERA', ['camera-fleet']],
    ['authorization', ['auth-failures']],
    ['shop floor', ['camera-fleet']],
    ['ml', ['ml-baseline']],
  ])('filtering by "%s" keeps %j', async (query, expected) => {
    const { user } = renderWithProviders(<Harness />);
    await user.type(screen.getByRole('searchbox', { name: 'Filter profiles' }), query);
    expect(visibleNames()).toEqual(expected);
    expect(screen.getByText(`${expected.length} of 3 profiles match`)).toBeInTheDocument();
  });

  it('says when nothing matches and clears the filter on request', async () => {
    const { user } = renderWithProviders(<Harness initial="no-such-thing" />);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText('No profile matches “no-such-thing”.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filter' }));
    expect(visibleNames()).toHaveLength(3);
  });

  it('has an empty state when the account has no profiles', () => {
    renderWithProviders(<ProfilesListView rows={[]} filter="" onFilterChange={() => {}} />);
    expect(screen.getByText('No security profiles yet')).toBeInTheDocument();
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
  });
});
