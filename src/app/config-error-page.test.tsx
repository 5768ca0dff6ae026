import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { describeEndpoint, loadRuntimeConfig, parseRuntimeConfig } from '../config/runtime-config';
import type { RuntimeConfig } from '../config/runtime-config';
import { renderWithProviders } from '../testing/render';
import { ConfigErrorPage } from './config-error-page';

const valid = {
  region: 'us-east-1',
  iotEndpoint: 'http://127.0.0.1:4510',
  localCredentials: { accessKeyId: 'AKIALOCALDEVELOPMENT', secretAccessKey: 'secret' },
};

/** A fetch that answers like a static file server would; the network is the boundary. */
function serve(body: string, status = 200): typeof fetch {
  return async () =>
    new Response(body, { status, headers: { 'content-type': 'application/json' } });
}

describe('parseRuntimeConfig', () => {
  it.each<[string, unknown]>([
    ['the local development config', valid],
    ['AWS itself (no endpoint, no keys)', { region: 'eu-central-1' }],
    ['a config with fields of a newer build', { ...valid, drafts: { keepForDays: 7 } }],
  ])('accepts %s', (_, value) => {
    expect(parseRuntimeConfig(value).ok).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ['a missing region', { iotEndpoint: valid.iotEndpoint }, 'region'],
    ['a malformed region', { ...valid, region: 'US East' }, 'region'],
    ['an endpoint that is not a URL', { ...valid, iotEndpoint: '127.0.0.1:4510' }, 'iotEndpoint'],
    ['a non-http endpoint', { ...valid, iotEndpoint: 'ftp://127.0.0.1' }, 'iotEndpoint'],
    [
      'an empty secret',
      { ...valid, localCredentials: { accessKeyId: 'AKIA', secretAccessKey: '' } },
      'localCredentials.secretAccessKey',
    ],
    [
      'keys without a local endpoint (they would go to AWS)',
      { region: 'us-east-1', localCredentials: valid.localCredentials },
      'localCredentials',
    ],
    ['a JSON array', [], '(file)'],
  ])('rejects %s and names the field', (_, value, field) => {
    const result = parseRuntimeConfig(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.issues.map((issue) => issue.field)).toContain(field);
  });
});

describe('loadRuntimeConfig', () => {
  it('returns the validated config', async () => {
    const result = await loadRuntimeConfig(serve(JSON.stringify(valid)));
    expect(result).toEqual({ ok: true, config: valid });
  });

  it.each<[string, typeof fetch, RegExp]>([
    ['a 404', serve('not found', 404), /HTTP 404/],
    ['broken JSON', serve('{"region":'), /syntax error/],
    [
      'an unreachable server',
      async () => {
        throw new TypeError('Failed to fetch');
      },
      /Failed to fetch/,
    ],
  ])('turns %s into a problem instead of throwing', async (_, fetchConfig, message) => {
    const result = await loadRuntimeConfig(fetchConfig);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.issues[0]?.message).toMatch(message);
  });
});

describe('describeEndpoint', () => {
  it.each<[RuntimeConfig, string]>([
    [valid, 'Local endpoint 127.0.0.1:4510'],
    [{ region: 'us-east-1' }, 'AWS us-east-1'],
    [
      { region: 'eu-west-1', iotEndpoint: 'https://iot-proxy.example.com' },
      'Custom endpoint iot-proxy.example.com',
    ],
  ])('labels the endpoint in use', (config, label) => {
    expect(describeEndpoint(config)).toBe(label);
  });
});

describe('ConfigErrorPage', () => {
  it('shows a full-page message naming the bad field', async () => {
    const result = await loadRuntimeConfig(
      serve(JSON.stringify({ ...valid, iotEndpoint: 'nope' })),
    );
    if (result.ok) throw new Error('expected an invalid config');
    renderWithProviders(<ConfigErrorPage problem={result.problem} />);
    expect(
      screen.getByRole('heading', { level: 1, name: 'The editor cannot start' }),
    ).toBeVisible();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('config.json has invalid fields.');
    expect(alert).toHaveTextContent(/iotEndpoint\s*must be an http\(s\) URL/);
  });
});
