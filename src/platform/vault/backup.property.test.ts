// Property tests for restore: mutated backups fed to the decoder never crash it, never change the
// live state, and always fail with a named BackupError. The recovery code is turned into bytes once
// and the files are sealed once; every case mutates after that, so thousands of cases take seconds.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_HEADER_BYTES } from './backup';
import { type BackupErrorCode, isBackupError } from './backupErrors';
import { type BackupFrame, FrameReader } from './backupFrames';
import { makeFixture, restoreInto, sameFrames, sampleFrames, sealBackup } from './backupTesting';
import { type Bytes, concat } from './bytes';
import { createVault } from './lifecycle';
import { parseRecoveryCode } from './recovery';
import { endSession } from './session';
import { SEGMENT_BYTES, TAG_BYTES } from './streamAead';
import { FAST_KDF, inlineDeriver } from './testing';

const SEALED = SEGMENT_BYTES + TAG_BYTES;
const ALL: readonly BackupErrorCode[] = ['not_a_backup', 'backup_version', 'backup_truncated', 'backup_damaged', 'backup_altered', 'wrong_recovery_code'];

let entropy: Bytes;
let keyFile: Bytes;
let small: { frames: BackupFrame[]; file: Bytes };
let big: { frames: BackupFrame[]; file: Bytes; segments: Bytes[]; sibling: Bytes[] };
/** What is "on the phone" before each restore: it must be the very same object after a failure. */
const LIVE: readonly BackupFrame[] = Object.freeze(sampleFrames([3]));

function segmentsOf(file: Bytes): Bytes[] {
  const out: Bytes[] = [];
  for (let at = BACKUP_HEADER_BYTES; at < file.length; at += SEALED) out.push(file.slice(at, Math.min(file.length, at + SEALED)));
  return out;
}

beforeAll(async () => {
  const fx = await makeFixture();
  entropy = parseRecoveryCode(fx.vault.recovery.words.join(' '));
  keyFile = fx.vault.keyFile;
  const slots = { recovery: fx.vault.roles.recovery };
  const smallFrames = sampleFrames([5000, 300]);
  small = { frames: smallFrames, file: await sealBackup(keyFile, slots, smallFrames) };
  const bigFrames = sampleFrames([SEGMENT_BYTES + TAG_BYTES, SEGMENT_BYTES + TAG_BYTES, 1000]);
  const bigFile = await sealBackup(keyFile, slots, bigFrames);
  // A second backup of the same vault: same key, another salt, so its segments must not fit.
  const sibling = await sealBackup(keyFile, slots, bigFrames);
  big = { frames: bigFrames, file: bigFile, segments: segmentsOf(bigFile), sibling: segmentsOf(sibling) };
  expect(big.segments.length).toBe(3);
}, 60_000);

/** Restores `file`: it must fail with one of `allowed`, leaving the live state as it was. */
async function expectRefused(file: Uint8Array, allowed: readonly BackupErrorCode[], key: Uint8Array = entropy): Promise<void> {
  const { live, error } = await restoreInto(LIVE, file, key);
  expect(live).toBe(LIVE);
  expect(isBackupError(error)).toBe(true);
  expect(allowed).toContain((error as { code: BackupErrorCode }).code);
}

function flipBits(file: Uint8Array, flips: readonly [number, number][], from: number, to: number): Bytes {
  const out = file.slice();
  for (const [where, bit] of flips) {
    const at = from + (where % (to - from));
    out[at] = (out[at] ?? 0) ^ (1 << bit);
  }
  return out;
}

const changed = (a: Uint8Array, b: Uint8Array) => a.length !== b.length || a.some((x, i) => x !== b[i]);
const flips = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 4 });

describe('restore under mutation (property)', { timeout: 300_000 }, () => {
  it('a file cut anywhere is refused by name (1,800 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (n) => {
        await expectRefused(small.file.subarray(0, n % small.file.length), ['not_a_backup', 'backup_truncated', 'backup_damaged']);
      }),
      { numRuns: 1800 },
    );
  });

  it('flipped bits in the body are refused as damage (1,800 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(flips, async (where) => {
        const mutated = flipBits(small.file, where, BACKUP_HEADER_BYTES, small.file.length);
        fc.pre(changed(mutated, small.file));
        await expectRefused(mutated, ['backup_damaged']);
      }),
      { numRuns: 1800 },
    );
  });

  it('bytes appended are refused (800 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2000 }), async (extra) => {
        await expectRefused(concat(small.file, extra), ['backup_damaged']);
      }),
      { numRuns: 800 },
    );
  });

  it('foreign files are refused by name (800 cases)', async () => {
    const prefixes = [new Uint8Array(0), Uint8Array.of(0x63, 0x61, 0x6c, 0x63), Uint8Array.of(0x63, 0x61, 0x6c, 0x63, 2, 1), keyFile, small.file.subarray(0, BACKUP_HEADER_BYTES)];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: prefixes.length - 1 }), fc.uint8Array({ maxLength: 5000 }), async (which, rest) => {
        await expectRefused(concat(prefixes[which] as Uint8Array, rest), ALL);
      }),
      { numRuns: 800 },
    );
  });

  it('segments swapped, repeated, dropped or taken from another backup are refused (400 cases)', async () => {
    const [s0, s1, s2] = big.segments as [Bytes, Bytes, Bytes];
    const header = big.file.subarray(0, BACKUP_HEADER_BYTES);
    const orders: Bytes[][] = [
      [s1, s0, s2], [s0, s2, s1], [s2, s1, s0], [s0, s0, s1, s2], [s0, s1, s1, s2], [s0, s1, s2, s2],
      [s0, s1], [s0, s2], [s1, s2], [s0], [s1], [s2], [s0, s1, s2, s0],
      [big.sibling[0] as Bytes, s1, s2], [s0, big.sibling[1] as Bytes, s2], [s0, s1, big.sibling[2] as Bytes],
    ];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: orders.length - 1 }), fc.integer({ min: 0, max: 64 }), async (which, cut) => {
        // Half the cases also cut a few bytes off the end, so boundaries move too.
        const body = concat(...(orders[which] as Bytes[]));
        await expectRefused(concat(header, body.subarray(0, body.length - (cut % 2 === 0 ? 0 : cut))), ['backup_damaged', 'backup_truncated']);
      }),
      { numRuns: 400 },
    );
  });

  it('a multi-segment file cut or flipped anywhere is refused (300 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.nat(), flips, async (cut, n, where) => {
        const mutated = cut ? big.file.subarray(0, BACKUP_HEADER_BYTES + (n % (big.file.length - BACKUP_HEADER_BYTES))) : flipBits(big.file, where, BACKUP_HEADER_BYTES, big.file.length);
        fc.pre(changed(mutated, big.file));
        await expectRefused(mutated, ['backup_truncated', 'backup_damaged']);
      }),
      { numRuns: 300 },
    );
  });

  it('a mutated header is refused by name (48 cases, and 24 with the checksum made to match)', async () => {
    await fc.assert(
      fc.asyncProperty(flips, async (where) => {
        const mutated = flipBits(small.file, where, 0, BACKUP_HEADER_BYTES);
        fc.pre(changed(mutated, small.file));
        await expectRefused(mutated, ALL);
      }),
      { numRuns: 48 },
    );
    await fc.assert(
      fc.asyncProperty(flips, async (where) => {
        // A deliberate change: checksum recomputed, so only the seal (or the slot's AAD) can catch it.
        const mutated = flipBits(small.file, where, 6, 192);
        mutated.set(new Uint8Array(await crypto.subtle.digest('SHA-256', mutated.slice(0, 192))).subarray(0, 16), 192);
        fc.pre(changed(mutated, small.file));
        await expectRefused(mutated, ['backup_damaged', 'backup_altered', 'wrong_recovery_code']);
      }),
      { numRuns: 24 },
    );
  });

  it('a wrong recovery code is refused by name, with nothing read (a few cases)', async () => {
    const other = await createVault('864202', FAST_KDF, inlineDeriver);
    endSession();
    await expectRefused(small.file, ['wrong_recovery_code'], parseRecoveryCode(other.recovery.words.join(' ')));
    const near = entropy.slice();
    near[15] = (near[15] ?? 0) ^ 1;
    await expectRefused(small.file, ['wrong_recovery_code'], near);
  });

  it('the untouched file restores exactly, in chunks of any size (300 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 70_000 }), async (chunk) => {
        const { live, error } = await restoreInto(LIVE, small.file, entropy, chunk);
        expect(error).toBeNull();
        expect(sameFrames(live, small.frames)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('the frame reader turns any plaintext into frames or backup_damaged, never anything else (1,000 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), fc.integer({ min: 1, max: 500 }), async (bytes, chunk) => {
        const reader = new FrameReader(async () => undefined);
        try {
          for (let at = 0; at < bytes.length; at += chunk) await reader.push(bytes.subarray(at, at + chunk));
          reader.finish();
        } catch (error) {
          expect(isBackupError(error, 'backup_damaged')).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
