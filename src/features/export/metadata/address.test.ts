import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAddressLike } from './address';

const spans = (text: string) => findAddressLike(text).map((m) => [text.slice(m.start, m.end), m.kind]);

describe('findAddressLike', () => {
  it('finds UK postcodes and street addresses in what she writes', () => {
    expect(spans('He turned up at 12 Acacia Road, Leeds LS6 2AB at about 11pm.')).toEqual([
      ['12 Acacia Road', 'street'],
      ['LS6 2AB', 'postcode'],
    ]);
    expect(spans('moved to flat 3, 45a st mary\'s street, cf10 1aa')).toEqual([
      ["flat 3, 45a st mary's street", 'street'],
      ['cf10 1aa', 'postcode'],
    ]);
    expect(spans('Waited outside 7 Meadow View and then 14-16 Church Close.')).toEqual([
      ['7 Meadow View', 'street'],
      ['14-16 Church Close', 'street'],
    ]);
    expect(spans('Apartment 4B was broken into. Post went to SW1A1AA.')).toEqual([
      ['Apartment 4B', 'street'],
      ['SW1A1AA', 'postcode'],
    ]);
  });

  it('finds Welsh addresses', () => {
    expect(spans('Daeth i 5 Heol y Bont, Caerdydd CF11 6QS neithiwr.')).toEqual([
      ['5 Heol y Bont', 'street'],
      ['CF11 6QS', 'postcode'],
    ]);
    expect(spans('Fflat 2, 18 Stryd Fawr')).toEqual([['Fflat 2, 18 Stryd Fawr', 'street']]);
  });

  it('finds Polish addresses', () => {
    expect(spans('Przyszedł pod ul. Długa 5/3, 00-950 Warszawa.')).toEqual([
      ['ul. Długa 5/3', 'street'],
      ['00-950', 'postcode'],
    ]);
    expect(spans('Mieszkam na ulicy Marszałkowskiej 12 m. 4 od roku.')).toEqual([['ulicy Marszałkowskiej 12 m. 4', 'street']]);
    expect(spans('al. Jerozolimskie 10')).toEqual([['al. Jerozolimskie 10', 'street']]);
  });

  it('finds nothing in ordinary entries: dates, times, durations, phone numbers, amounts', () => {
    const ordinary = [
      'On 12/03/2026 at 21:30 he shouted for 2 hours. I called 999.',
      'Rang the helpline on 0808 2000 247 at 10.15pm, waited 20 minutes.',
      'He drove 3 miles down the road and came back 2 times.',
      'She was wearing 2 dark green coats; he took £250 and 10-100 texts since March.',
      'Court hearing on 3 May 2026, case number 2026/1234, room 12.',
      'Kids were at school. It was a flat 3 miles walk.',
      'Dzwoniłam na 112 o 22:40, 3 razy w tygodniu.',
      'Ffoniais 999 am 11 o\'r gloch.',
      '',
    ];
    for (const text of ordinary) expect(spans(text)).toEqual([]);
  });

  it('never throws, and spans always lie inside the text in order', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), (text) => {
        let end = 0;
        for (const m of findAddressLike(text)) {
          expect(m.start).toBeGreaterThanOrEqual(end);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          end = m.end;
        }
      }),
      { numRuns: 500 },
    );
    expect(findAddressLike(undefined as unknown as string)).toEqual([]);
  });
});
