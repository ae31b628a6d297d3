// The danger-signs feature's encrypted records.
import { createRepository } from '../../platform/store';
import { RiskAssessment, RiskCheck } from './schema';

export const checks = createRepository({ kind: 'risk-check', schema: RiskCheck, schemaVersion: 1 });
export const assessments = createRepository({ kind: 'risk-assessment', schema: RiskAssessment, schemaVersion: 1 });
