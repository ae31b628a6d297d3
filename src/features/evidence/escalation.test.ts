// The escalation rules against the three seed cases (tests/fixtures/seed-stories.json), and edges.
import { describe, expect, it } from 'vitest';
import type { IncidentKind } from './domain/kinds';
import type { OrderKind } from './domain/orders';
import { type OrderWithId, escalationFlags, weeklyCounts } from './escalation';
import type { IndexEntry } from './schema';
import seedStories from '../../../tests/fixtures/seed-stories.json';

interface Story {
  id: string;
  orders: { id: string; kind: OrderKind; from: string; conditions: { id: string; text: string }[] }[];
  events: { id: string; on: string; kinds: IncidentKind[]; conditions?: string[] }[];
  expectedFlags: string[];
}

const stories = (seedStories as unknown as { stories: Story[] }).stories;

function entry(id: string, at: string, kinds: IncidentKind[], conditions: { orderId: string; conditionId: string }[] = [], extra: Partial<IndexEntry> = {}): IndexEntry {
  return { id, revIds: ['r'], linkIds: ['l'], at, approximate: false, kinds, conditions, weapon: false, snippet: '', words: '', policeTold: null, redactedAt: null, attachments: [], ...extra };
}

function fromStory(story: Story) {
  const orders: OrderWithId[] = story.orders.map((o) => ({
    id: o.id,
    order: { kind: o.kind, name: '', madeBy: '', from: o.from, until: null, untilFurtherOrder: true, reference: '', notes: '', conditions: o.conditions.map((c) => ({ id: c.id, type: 'custom', text: c.text })) },
  }));
  const entries = story.events.map((e) => entry(e.id, `${e.on}T12:00:00+00:00`, e.kinds, (e.conditions ?? []).map((c) => ({ orderId: story.orders[0]?.id ?? '', conditionId: c }))));
  const now = entries.map((e) => e.at).sort().at(-1) as string;
  return { orders, entries, now };
}

describe('escalation flags', () => {
  for (const story of stories) {
    it(`raises at least the flags the ${story.id} case should have raised`, () => {
      const { orders, entries, now } = fromStory(story);
      const separation = story.expectedFlags.includes('separation') ? (story.orders[0]?.from ?? null) : null;
      const ids = escalationFlags(entries, orders, now, separation).map((f) => f.id);
      const expected = story.expectedFlags.map((f) => (f === 'escalation' ? 'escalation' : f));
      expect(ids).toEqual(expect.arrayContaining(expected));
    });
  }

  it('raises nothing for a single text with no order', () => {
    expect(escalationFlags([entry('a', '2026-01-01T10:00:00+00:00', ['text'])], [], '2026-01-02T10:00:00+00:00')).toEqual([]);
  });

  it('counts and dates each flag, and ignores redacted entries', () => {
    const entries = [
      entry('a', '2026-01-01T10:00:00+00:00', ['strangulation']),
      entry('b', '2026-01-05T10:00:00+00:00', ['strangulation', 'violence'], [], { weapon: true }),
      entry('c', '2026-01-06T10:00:00+00:00', ['threat_to_kill'], [], { redactedAt: '2026-01-07T10:00:00+00:00' }),
    ];
    const flags = escalationFlags(entries, [], '2026-01-08T10:00:00+00:00');
    expect(flags).toContainEqual({ id: 'strangulation', count: 2, latest: '2026-01-05T10:00:00+00:00' });
    expect(flags).toContainEqual({ id: 'weapon', count: 1, latest: '2026-01-05T10:00:00+00:00' });
    expect(flags.map((f) => f.id)).not.toContain('threat_to_kill');
  });

  it('sees frequency rising, and not a steady pace', () => {
    const steady = Array.from({ length: 8 }, (_, i) => entry(`s${i}`, new Date(Date.UTC(2026, 0, 1 + i * 7, 10)).toISOString(), ['text']));
    expect(escalationFlags(steady, [], '2026-02-20T10:00:00Z').map((f) => f.id)).not.toContain('escalation');
    const rising = [1, 2, 2, 3, 3, 3].map((_, i) => entry(`r${i}`, new Date(Date.UTC(2026, 1, [1, 9, 10, 16, 17, 18][i] as number, 10)).toISOString(), ['text']));
    expect(escalationFlags(rising, [], '2026-02-19T10:00:00Z').map((f) => f.id)).toContain('escalation');
  });

  it('counts incidents per week, oldest week first', () => {
    const entries = [entry('a', '2026-01-05T10:00:00+00:00', ['text']), entry('b', '2026-01-06T10:00:00+00:00', ['text']), entry('c', '2026-01-13T10:00:00+00:00', ['text'])];
    expect(weeklyCounts(entries, '2026-01-14T10:00:00+00:00', 3).map((w) => w.count)).toEqual([0, 2, 1]);
  });
});
