import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes';
import { type ChainLink, GENESIS_HASH, type Opening, commitment, newSalt, nextLink, sha256Hex, verifyChain } from './chain';

async function buildChain(n: number) {
  const contents = new Map<number, { salt: Uint8Array; payload: { entry: string; text: string } }>();
  const links: ChainLink[] = [];
  for (let i = 1; i <= n; i++) {
    const salt = newSalt();
    const payload = { entry: `e${i}`, text: `entry ${i}` };
    const link = await nextLink(links.at(-1) ?? null, { type: 'entry.created', ref: { entry: `e${i}`, rev: 1 }, at: `2026-01-0${i}T10:00:00Z`, commitment: await commitment(salt, payload) });
    links.push(link);
    contents.set(link.seq, { salt, payload });
  }
  const open = async (link: ChainLink): Promise<Opening> => contents.get(link.seq) ?? 'missing';
  return { links, contents, open };
}

describe('hash chain', () => {
  it('hashes with SHA-256 (FIPS 180-2 "abc" vector)', async () => {
    expect(await sha256Hex(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('starts from the genesis hash and links each event to the last', async () => {
    const { links, open } = await buildChain(4);
    expect(links[0]?.prev).toBe(GENESIS_HASH);
    expect(links[2]?.prev).toBe(links[1]?.hash);
    const report = await verifyChain(links, open);
    expect(report).toEqual({ ok: true, length: 4, head: { seq: 4, hash: links[3]?.hash }, redacted: 0, problems: [] });
  });

  it('salts commitments: the same content commits differently each time', async () => {
    const payload = { kind: 'contact' };
    expect(await commitment(newSalt(), payload)).not.toBe(await commitment(newSalt(), payload));
  });

  it('finds a removed event', async () => {
    const { links, open } = await buildChain(5);
    const report = await verifyChain([...links.slice(0, 2), ...links.slice(3)], open);
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual({ seq: 4, reason: 'gap' });
    expect(report.problems).toContainEqual({ seq: 4, reason: 'broken_link' });
  });

  it('finds reordered events', async () => {
    const { links, open } = await buildChain(4);
    const swapped = links.map((l) => ({ ...l }));
    [swapped[1]!.seq, swapped[2]!.seq] = [swapped[2]!.seq, swapped[1]!.seq];
    const report = await verifyChain(swapped, open);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.reason)).toContain('bad_hash');
  });

  it('finds altered content and an altered link', async () => {
    const { links, contents, open } = await buildChain(3);
    contents.set(2, { ...contents.get(2)!, payload: { entry: 'e2', text: 'entry 2, changed' } });
    expect((await verifyChain(links, open)).problems).toEqual([{ seq: 2, reason: 'content_mismatch' }]);
    const altered = links.map((l) => (l.seq === 3 ? { ...l, at: '2030-01-01T00:00:00Z' } : l));
    const again = await buildChain(3);
    expect((await verifyChain(altered.map((l, i) => ({ ...l, commitment: again.links[i]!.commitment })), again.open)).ok).toBe(false);
  });

  it('verifies a redacted item as redacted, not broken', async () => {
    const { links, contents, open } = await buildChain(3);
    contents.delete(2);
    const redactingOpen = async (link: ChainLink): Promise<Opening> => (link.seq === 2 ? 'redacted' : open(link));
    const report = await verifyChain(links, redactingOpen);
    expect(report.ok).toBe(true);
    expect(report.redacted).toBe(1);
    expect((await verifyChain(links, open)).problems).toEqual([{ seq: 2, reason: 'missing_content' }]);
  });
});
