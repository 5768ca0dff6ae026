import { Code } from '@mantine/core';
import { DefinitionList } from '../../../components/definition-list';
import type { SecurityProfile } from '../../../domain/security-profile';
import { formatDateTime } from '../utils/format';

/** Identity and bookkeeping fields: ARN, version, creation and last-modified dates. */
export function ProfileOverview({ profile }: { profile: SecurityProfile }) {
  return (
    <DefinitionList
      items={[
        { term: 'Name', description: profile.securityProfileName },
        { term: 'ARN', description: <Code>{profile.securityProfileArn}</Code> },
        { term: 'Version', description: String(profile.version) },
        {
          term: 'Created',
          description: (
            <time dateTime={profile.creationDate.toISOString()}>
              {formatDateTime(profile.creationDate)}
            </time>
          ),
        },
        {
          term: 'Last modified',
          description: (
            <time dateTime={profile.lastModifiedDate.toISOString()}>
              {formatDateTime(profile.lastModifiedDate)}
            </time>
          ),
        },
      ]}
    />
  );
}
