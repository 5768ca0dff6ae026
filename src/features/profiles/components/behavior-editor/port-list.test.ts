import { describe, expect, it } from 'vitest';
import { MAX_VALUE_ELEMENTS } from '../../../../domain/validation';
import { mergePorts, parsePortText, valueQuotaProblem } from './port-list';

describe('parsePortText', () => {
  it.each([
    ['22', [22], []],
    ['22, 443 80;8080', [22, 443, 80, 8080], []],
    ['8000-8003', [8000, 8001, 8002, 8003], []],
    ['8000 - 8002', [8000, 8001, 8002], []],
    ['0 65535', [0, 65535], []],
    ['80-', [], ['80-']],
    ['-80', [], ['-80']],
    ['65536', [], ['65536']],
    ['ssh', [], ['ssh']],
    ['10-5', [], ['10-5']],
    ['1.5', [], ['1.5']],
    ['22 80- 443', [22, 443], ['80-']],
  ])('reads %j', (text, ports, rejected) => {
    const parsed = parsePortText(text);
    expect(parsed.ports).toEqual(ports);
    expect(parsed.problems.map((problem) => problem.token)).toEqual(rejected);
  });

  it('says why a token is refused', () => {
    const messages = parsePortText('80- 70000 10-5 x').problems.map((p) => p.message);
    expect(messages).toEqual([
      '"80-" is an unfinished range; write from-to, e.g. 8000-8010',
      '70000 is not a port; ports are 0 to 65535',
      '"10-5" runs backwards; write the lower port first',
      '"x" is not a port number',
    ]);
  });
});

describe('mergePorts', () => {
  it('removes duplicates and sorts ascending', () => {
    expect(mergePorts([443, 22], [22, 80, 8000, 80])).toEqual([22, 80, 443, 8000]);
  });
});

describe('valueQuotaProblem', () => {
  it.each([
    [0, MAX_VALUE_ELEMENTS, false],
    [10, MAX_VALUE_ELEMENTS - 10, false],
    [10, MAX_VALUE_ELEMENTS - 9, true],
    [MAX_VALUE_ELEMENTS + 5, 0, false],
    [MAX_VALUE_ELEMENTS + 5, 1, true],
  ])('with %i elements, adding %i refused: %s', (existing, growth, refused) => {
    expect(valueQuotaProblem(existing, growth) !== undefined).toBe(refused);
  });

  it('names the quota', () => {
    expect(valueQuotaProblem(990, 11)).toContain(`at most ${MAX_VALUE_ELEMENTS}`);
  });
});
