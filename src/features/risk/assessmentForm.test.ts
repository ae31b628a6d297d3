// Reading the "record an assessment" form: a reason for each wrong field, nothing half-saved.
import { describe, expect, it } from 'vitest';
import { readAssessment } from './assessmentForm';
import { RiskAssessment } from './schema';

const NOW = '2026-03-10T09:00:00+00:00';
const TODAY = '2026-03-10';

describe('recording an assessment', () => {
  it('keeps the date, who did it, the outcome and the Marac answer, trimmed', () => {
    const read = readAssessment({ on: '2026-03-03', by: '  Sam, Safer Places IDVA ', outcome: 'Referred to Marac.\nNew locks.', marac: 'yes' }, TODAY, NOW);
    expect(read).toEqual({ ok: true, value: { on: '2026-03-03', by: 'Sam, Safer Places IDVA', outcome: 'Referred to Marac.\nNew locks.', marac: 'yes', recordedBy: 'owner', recordedAt: NOW } });
    if (read.ok) expect(RiskAssessment.parse(read.value)).toEqual(read.value);
  });

  it('needs only the date; the Marac question may be left unanswered', () => {
    const read = readAssessment({ on: TODAY, by: '', outcome: '', marac: null }, TODAY, NOW);
    expect(read.ok && read.value.marac).toBeNull();
  });

  it('refuses a missing, impossible or future date', () => {
    expect(readAssessment({ on: '', by: 'x', outcome: '', marac: null }, TODAY, NOW)).toEqual({ ok: false, problems: { on: 'dateMissing' } });
    expect(readAssessment({ on: '2026-02-30', by: '', outcome: '', marac: null }, TODAY, NOW)).toEqual({ ok: false, problems: { on: 'dateMissing' } });
    expect(readAssessment({ on: '2026-03-11', by: '', outcome: '', marac: null }, TODAY, NOW)).toEqual({ ok: false, problems: { on: 'dateFuture' } });
  });

  it('refuses text that is too long, naming each field', () => {
    const read = readAssessment({ on: '', by: 'a'.repeat(201), outcome: 'b'.repeat(4001), marac: 'no' }, TODAY, NOW);
    expect(read).toEqual({ ok: false, problems: { on: 'dateMissing', by: 'byTooLong', outcome: 'outcomeTooLong' } });
  });
});
