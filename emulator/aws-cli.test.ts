import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_CREDENTIALS,
  TEST_REGION,
  startTestEmulator,
  type TestEmulator,
} from './testing/contract-harness';

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.dispose();
});

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `aws iot …` against the endpoint with only the local keys (no profile, no pager). */
function awsIot(args: string[]): Promise<CliResult> {
  const missing = join(emulator.dataDir, 'no-such-aws-config');
  return new Promise((resolve, reject) => {
    execFile(
      'aws',
      ['iot', ...args, '--endpoint-url', emulator.url, '--output', 'json'],
      {
        env: {
          PATH: process.env['PATH'] ?? '',
          HOME: emulator.dataDir,
          AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
          AWS_DEFAULT_REGION: TEST_REGION,
          AWS_CONFIG_FILE: missing,
          AWS_SHARED_CREDENTIALS_FILE: missing,
          AWS_PAGER: '',
          AWS_MAX_ATTEMPTS: '1',
        },
        timeout: 30_000,
      },
      (error, stdout, stderr) => {
        if (error !== null && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(
            new Error(
              'The AWS CLI (`aws`) is not installed, and these contract tests need it: install awscli (Debian/Ubuntu: apt-get install awscli; or AWS CLI v2) and run them again.',
            ),
          );
          return;
        }
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
          stdout,
          stderr,
        });
      },
    );
  });
}

function json(result: CliResult): Record<string, unknown> {
  expect(result, result.stderr).toMatchObject({ code: 0 });
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe('the AWS CLI against the local endpoint', () => {
  it('creates, describes, updates with --expected-version, hits a conflict and deletes', async () => {
    const behaviors = JSON.stringify([
      {
        name: 'auth-failures',
        metric: 'aws:num-authorization-failures',
        criteria: { comparisonOperator: 'less-than', value: { count: 5 }, durationSeconds: 300 },
      },
    ]);
    const created = json(
      await awsIot([
        'create-security-profile',
        '--security-profile-name',
        'cli-profile',
        '--security-profile-description',
        'Made with the AWS CLI',
        '--behaviors',
        behaviors,
      ]),
    );
    expect(created['securityProfileArn']).toBe(
      'arn:aws:iot:us-east-1:123456789012:securityprofile/cli-profile',
    );

    const described = json(
      await awsIot(['describe-security-profile', '--security-profile-name', 'cli-profile']),
    );
    expect(described).toMatchObject({
      securityProfileName: 'cli-profile',
      securityProfileDescription: 'Made with the AWS CLI',
      version: 1,
      behaviors: JSON.parse(behaviors) as unknown[],
    });

    const updated = json(
      await awsIot([
        'update-security-profile',
        '--security-profile-name',
        'cli-profile',
        '--expected-version',
        '1',
        '--security-profile-description',
        'Updated with the AWS CLI',
      ]),
    );
    expect(updated).toMatchObject({
      version: 2,
      securityProfileDescription: 'Updated with the AWS CLI',
    });

    const stale = await awsIot([
      'update-security-profile',
      '--security-profile-name',
      'cli-profile',
      '--expected-version',
      '1',
      '--security-profile-description',
      'Lost update',
    ]);
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toContain('VersionConflictException');

    const deleted = await awsIot([
      'delete-security-profile',
      '--security-profile-name',
      'cli-profile',
      '--expected-version',
      '2',
    ]);
    expect(deleted, deleted.stderr).toMatchObject({ code: 0 });
    const gone = await awsIot([
      'describe-security-profile',
      '--security-profile-name',
      'cli-profile',
    ]);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toContain('ResourceNotFoundException');
  });
});
