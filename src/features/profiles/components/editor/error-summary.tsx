import { Alert, Anchor, List, Text } from '@mantine/core';
import type { DraftIssue } from '../../utils/draft-resolver';
import type { ProfileDraft } from '../../utils/profile-draft';
import { issueLabel } from './issue-label';

export interface ErrorSummaryProps {
  issues: readonly DraftIssue[];
  draft: ProfileDraft;
  /** Brings the field of an issue into view and focuses it. */
  onJump: (field: string) => void;
}

/** Every problem that blocks saving, each a link that jumps to its field. */
export function ErrorSummary({ issues, draft, onJump }: ErrorSummaryProps) {
  if (issues.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      title={`${issues.length} ${issues.length === 1 ? 'problem blocks' : 'problems block'} saving`}
      role="region"
    >
      <List size="sm" spacing={4}>
        {issues.map((issue, index) => (
          <List.Item key={`${issue.field}:${index}`}>
            <Anchor component="button" type="button" size="sm" onClick={() => onJump(issue.field)}>
              {issueLabel(issue.field, draft)}
            </Anchor>
            <Text span size="sm">
              : {issue.message}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
