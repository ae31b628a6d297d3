import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETUP_SEQUENCE } from '../../src/features/disguise/sequence';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('gives the set-up sequence the app actually uses', () => {
    const printed = /`(\d+ [÷×+−] \d+) =`/.exec(readme)?.[1];
    expect(printed?.replace(/ /g, '')).toBe(SETUP_SEQUENCE);
  });

  it('keeps the two commands a new user needs', () => {
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
  });
});
