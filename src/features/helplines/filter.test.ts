// Finding services by who they are for.
import { describe, expect, it } from 'vitest';
import { servicesFor } from './directory';
import { filterServices } from './filter';

const ids = (list: { id: string }[]) => list.map((s) => s.id);

describe('filterServices', () => {
  const england = servicesFor('GB-ENG');

  it('finds the National Domestic Abuse Helpline for women in England', () => {
    expect(ids(filterServices(england, 'women'))[0]).toBe('uk_ndah');
  });

  it('puts services for the need before those open to everyone', () => {
    const wales = filterServices(servicesFor('GB-WLS'), 'men');
    // Wales's own helpline comes before the UK-wide ones.
    expect(ids(wales)).toEqual(['uk_mens_advice_line', 'wal_live_fear_free', 'uk_samaritans']);
  });

  it('shows every service for "all", none for "mine", and only open-to-all for "everyone"', () => {
    expect(filterServices(england, 'all')).toEqual(england);
    expect(filterServices(england, 'mine')).toEqual([]);
    expect(ids(filterServices(england, 'everyone'))).toEqual(['uk_samaritans']);
  });

  it('offers the Rape and Sexual Abuse Support Line in England and Wales only', () => {
    expect(ids(filterServices(servicesFor('GB-WLS'), 'sexual_violence'))).toContain('ew_rape_crisis_247');
    expect(ids(filterServices(servicesFor('GB-SCT'), 'sexual_violence'))).not.toContain('ew_rape_crisis_247');
  });

  it('has nothing for a place without a directory', () => {
    expect(servicesFor('OTHER')).toEqual([]);
  });
});
