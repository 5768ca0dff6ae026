import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DescribeSecurityProfileCommand,
  IoTClient,
  paginateListSecurityProfiles,
} from '@aws-sdk/client-iot';
import type { DescribeSecurityProfileCommandOutput } from '@aws-sdk/client-iot';

interface AppConfigFile {
  region: string;
  iotEndpoint: string;
  localCredentials: { accessKeyId: string; secretAccessKey: string };
}

/** The config the app under test was served (written by playwright.config.ts). */
export function readAppConfig(): AppConfigFile {
  const workDir = process.env['E2E_WORK_DIR'];
  if (!workDir)
    throw new Error('E2E_WORK_DIR is not set: run the specs through playwright.config.ts');
  return JSON.parse(readFileSync(join(workDir, 'config.json'), 'utf8')) as AppConfigFile;
}

/** An SDK client for the same local endpoint the app uses, to read the truth the page must show. */
export function createTestIotClient(): IoTClient {
  const config = readAppConfig();
  return new IoTClient({
    region: config.region,
    endpoint: config.iotEndpoint,
    credentials: config.localCredentials,
  });
}

/** Every profile on the endpoint, fully described, sorted by name. */
export async function describeAllProfiles(): Promise<DescribeSecurityProfileCommandOutput[]> {
  const client = createTestIotClient();
  const names: string[] = [];
  for await (const page of paginateListSecurityProfiles({ client }, {})) {
    for (const identifier of page.securityProfileIdentifiers ?? []) {
      if (identifier.name) names.push(identifier.name);
    }
  }
  const profiles = await Promise.all(
    names.map((securityProfileName) =>
      client.send(new DescribeSecurityProfileCommand({ securityProfileName })),
    ),
  );
  return profiles.sort((a, b) =>
    (a.securityProfileName ?? '').localeCompare(b.securityProfileName ?? ''),
  );
}

/** One profile, described through the SDK. */
export async function describeProfile(name: string): Promise<DescribeSecurityProfileCommandOutput> {
  return createTestIotClient().send(
    new DescribeSecurityProfileCommand({ securityProfileName: name }),
  );
}
