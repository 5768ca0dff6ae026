import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type {
  Behavior,
  SecurityProfile,
  SecurityProfileFields,
} from '../../../../domain/security-profile';
import { renderWithProviders } from '../../../../testing/render';
import { MergeDialog } from './merge-dialog';

const authFailures = (count: number): Behavior => ({
  name: 'few-auth-failures',
  metric: 'aws:num-authorization-failures',
  criteria: { comparisonOperator: 'less-than', value: { count }, durationSeconds: 300 },
});
const ports = (name: string, list: number[]): Behavior => ({
  name,
  metric: 'aws:listening-tcp-ports',
  criteria: { comparisonOperator: 'in-port-set', value: { ports: list } },
});

const base: SecurityProfile = {
  securityProfileName: 'fleet',
  securityProfileArn: 'arn:aws:iot:us-east-1:123456789012:securityprofile/fleet',
  version: 4,
  creationDate: new Date('2026-10-01T00:00:00Z'),
  lastModifiedDate: new Date('2026-10-02T00:00:00Z'),
  securityProfileDescription: 'Fleet baseline',
  behaviors: [authFailures(5), ports('tcp-ports', [22, 443])],
};

// Mine raises the auth threshold (only mine: merged without asking), adds port 8080, adds a
// behavior new-ports and rewrites the description; theirs swaps port 22 for 8443 (a set change on
// both sides: merged), adds new-ports differently and rewrites the description too (conflicts).
const mine: SecurityProfileFields = {
  securityProfileDescription: 'Mine',
  behaviors: [authFailures(10), ports('tcp-ports', [22, 443, 8080]), ports('new-ports', [1, 2])],
};

function theirsAt(lastModifiedDate: Date): SecurityProfile {
  return {
    ...base,
    version: 6,
    lastModifiedDate,
    securityProfileDescription: 'Theirs',
    behaviors: [authFailures(5), ports('tcp-ports', [443, 8443]), ports('new-ports', [2, 3])],
  };
}

function renderMerge(theirs = theirsAt(new Date(Date.now() - 2 * 60_000)), edit = mine) {
  const handlers = {
    onMerged: vi.fn(),
    onDiscardMine: vi.fn(),
    onOverwrite: vi.fn(),
    onClose: vi.fn(),
  };
  const rendered = renderWithProviders(
    <MergeDialog opened base={base} mine={edit} theirs={theirs} {...handlers} />,
  );
  return { ...rendered, ...handlers };
}

const dialog = () => screen.getByRole('dialog');
const useMerged = () => within(dialog()).getByRole('button', { name: 'Use merged result' });
const conflict = (path: string) =>
  within(dialog()).getByRole('radiogroup', { name: `Keep for ${path}` });

describe('MergeDialog', () => {
  it('says who saved what and when, and lists what merged automatically and from which side', () => {
    renderMerge();
    expect(screen.getByRole('dialog', { name: 'fleet changed while you edited' })).toBeVisible();
    expect(dialog()).toHaveTextContent(
      'Saved by someone else: version 4 → 6, 2 minutes ago. Your save was not applied.',
    );
    const auto = within(dialog()).getByRole('region', { name: 'Merged automatically (2)' });
    const notes = within(auto).getAllByRole('listitem');
    expect(notes.map((note) => note.textContent)).toEqual([
      'Yoursbehavior few-auth-failures: took your change: criteria.value.count 5 → 10',
      "Bothbehavior tcp-ports: merged both sides' set changes: criteria.value.ports yours +8080; theirs +8443, −22",
    ]);
  });

  it('shows base, mine and theirs for each conflict, and enables the merge once each is chosen', async () => {
    const { user, onMerged } = renderMerge();
    expect(within(dialog()).getByRole('region', { name: 'Conflicts (2)' })).toBeVisible();
    const description = conflict('the description');
    const card = description.parentElement?.parentElement ?? description;
    expect(card).toHaveTextContent('Base (what you loaded)"Fleet baseline"');
    expect(card).toHaveTextContent('Mine"Mine"');
    expect(card).toHaveTextContent('Theirs"Theirs"');
    // The description is one value: there is no "both".
    expect(
      within(description)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['mine', 'theirs']);

    expect(useMerged()).toBeDisabled();
    expect(useMerged()).toHaveAccessibleDescription('Choose for 2 conflicts.');
    await user.click(within(description).getByRole('radio', { name: 'Mine' }));
    expect(useMerged()).toHaveAccessibleDescription('Choose for 1 conflict.');
    const newPorts = conflict('behavior new-ports · criteria.value.ports');
    await user.click(within(newPorts).getByRole('radio', { name: 'Theirs' }));
    expect(useMerged()).toBeEnabled();

    await user.click(useMerged());
    expect(onMerged).toHaveBeenCalledExactlyOnceWith({
      securityProfileDescription: 'Mine',
      behaviors: [
        authFailures(10),
        ports('tcp-ports', [443, 8443, 8080]),
        ports('new-ports', [2, 3]),
      ],
    });
  });

  it('offers Both for a set-valued conflict and merges the sets', async () => {
    const { user, onMerged } = renderMerge();
    await user.click(within(conflict('the description')).getByRole('radio', { name: 'Theirs' }));
    const newPorts = conflict('behavior new-ports · criteria.value.ports');
    await user.click(within(newPorts).getByRole('radio', { name: /^Both/ }));
    await user.click(useMerged());
    const fields = onMerged.mock.calls[0]?.[0] as SecurityProfileFields;
    expect(fields.securityProfileDescription).toBe('Theirs');
    const merged = fields.behaviors?.find((behavior) => behavior.name === 'new-ports');
    expect(new Set(merged?.criteria?.value?.ports)).toEqual(new Set([1, 2, 3]));
  });

  it('merges without asking when nothing conflicts', async () => {
    const { user, onMerged } = renderMerge(theirsAt(new Date(Date.now() - 3 * 3600_000)), {
      ...mine,
      securityProfileDescription: 'Fleet baseline',
      behaviors: [authFailures(10), ports('tcp-ports', [22, 443, 8080])],
    });
    expect(dialog()).toHaveTextContent('version 4 → 6, 3 hours ago');
    expect(within(dialog()).getByRole('region', { name: 'Conflicts (0)' })).toHaveTextContent(
      /None/,
    );
    expect(useMerged()).toBeEnabled();
    await user.click(useMerged());
    expect(onMerged).toHaveBeenCalledExactlyOnceWith({
      securityProfileDescription: 'Theirs',
      behaviors: [
        authFailures(10),
        ports('tcp-ports', [443, 8443, 8080]),
        ports('new-ports', [2, 3]),
      ],
    });
  });

  it('discards mine and loads theirs at once', async () => {
    const { user, onDiscardMine, onOverwrite, onMerged } = renderMerge();
    await user.click(
      within(dialog()).getByRole('button', { name: 'Discard mine and load theirs' }),
    );
    expect(onDiscardMine).toHaveBeenCalledOnce();
    expect(onOverwrite).not.toHaveBeenCalled();
    expect(onMerged).not.toHaveBeenCalled();
  });

  it('overwrites theirs only after a confirm step that explains their version is still sent', async () => {
    const { user, onOverwrite } = renderMerge();
    await user.click(within(dialog()).getByRole('button', { name: 'Overwrite theirs with mine' }));
    expect(onOverwrite).not.toHaveBeenCalled();
    const confirm = screen.getByRole('dialog', { name: 'Overwrite version 6 with yours?' });
    expect(confirm).toHaveTextContent('The save still sends expectedVersion 6');
    expect(within(confirm).getByRole('button', { name: 'Back to the merge' })).toHaveFocus();

    await user.click(within(confirm).getByRole('button', { name: 'Back to the merge' }));
    expect(onOverwrite).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog', { name: 'fleet changed while you edited' })).toBeVisible();

    await user.click(within(dialog()).getByRole('button', { name: 'Overwrite theirs with mine' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Overwrite version 6' }));
    expect(onOverwrite).toHaveBeenCalledOnce();
  });

  it('reaches every choice by keyboard', async () => {
    const { user } = renderMerge();
    const description = within(conflict('the description')).getByRole('radio', {
      name: 'Mine',
    });
    for (let step = 0; step < 40 && document.activeElement !== description; step += 1) {
      await user.tab();
    }
    expect(description).toHaveFocus();
    await user.keyboard(' ');
    expect(description).toBeChecked();
    await user.keyboard('{ArrowRight}');
    expect(
      within(conflict('the description')).getByRole('radio', { name: 'Theirs' }),
    ).toBeChecked();
  });
});
