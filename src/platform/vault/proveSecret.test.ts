import { afterEach, describe, expect, it } from 'vitest';
import { createDuress } from './duress';
import { createVault, proveSecret } from './lifecycle';
import { endSession, sessionGeneration } from './session';
import { FAST_KDF, inlineDeriver } from './testing';

afterEach(() => endSession());

describe('proving the PIN again', () => {
  it("accepts this vault's own PIN without starting a session, and refuses a wrong one or the duress vault's", async () => {
    const created = await createVault('111111', FAST_KDF, inlineDeriver);
    const duress = await createDuress(created.keyFile, '111111', '222222', created.roles, inlineDeriver);
    const before = sessionGeneration();
    await expect(proveSecret(duress.keyFile, '111111', inlineDeriver, duress.roles)).resolves.toBeUndefined();
    expect(sessionGeneration()).toBe(before);
    await expect(proveSecret(duress.keyFile, '999999', inlineDeriver, duress.roles)).rejects.toMatchObject({ code: 'no_matching_slot' });
    // The duress PIN opens a slot of the same file, but not this vault's: here it is a wrong PIN.
    await expect(proveSecret(duress.keyFile, '222222', inlineDeriver, duress.roles)).rejects.toMatchObject({ code: 'no_matching_slot' });
  });
});
