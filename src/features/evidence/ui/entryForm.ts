// The entry form's state: flat strings and flags, so a half-written entry can be kept as a draft
// exactly as typed. Converting to and from the stored content is pure and tested.
import type { IncidentKind } from '../domain/kinds';
import type { ConditionRef, EntryContent } from '../schema';
import { localInputFromMoment, momentFromLocalInput } from '../time';

export interface EntryFields {
  at: string;
  until: string;
  approximate: boolean;
  kinds: string[];
  conditions: string[];
  what: string;
  where: string;
  witnesses: string;
  injuries: string;
  weapon: boolean;
  impact: string;
  policeTold: string;
  policeOn: string;
  policeReference: string;
  policeOfficer: string;
  reason: string;
}

export const conditionKey = (ref: ConditionRef) => `${ref.orderId}/${ref.conditionId}`;

export function emptyFields(nowLocal: string): EntryFields {
  return { at: nowLocal, until: '', approximate: false, kinds: [], conditions: [], what: '', where: '', witnesses: '', injuries: '', weapon: false, impact: '', policeTold: '', policeOn: '', policeReference: '', policeOfficer: '', reason: '' };
}

export function fieldsFromContent(content: EntryContent): EntryFields {
  return {
    at: localInputFromMoment(content.at),
    until: content.until ? localInputFromMoment(content.until) : '',
    approximate: content.approximate,
    kinds: [...content.kinds],
    conditions: content.conditions.map(conditionKey),
    what: content.what,
    where: content.where,
    witnesses: content.witnesses,
    injuries: content.injuries,
    weapon: content.weapon,
    impact: content.impact,
    policeTold: content.police.told ?? '',
    policeOn: content.police.on ?? '',
    policeReference: content.police.reference,
    policeOfficer: content.police.officer,
    reason: '',
  };
}

/** The content to save, or null when the time cannot be read. Schema checks happen on save. */
export function contentFromFields(fields: EntryFields, via: EntryContent['via']): EntryContent | null {
  const at = momentFromLocalInput(fields.at);
  if (!at) return null;
  const until = fields.until ? momentFromLocalInput(fields.until) : null;
  const told = fields.policeTold === 'yes' || fields.policeTold === 'no' || fields.policeTold === 'not_yet' ? fields.policeTold : null;
  return {
    at,
    until,
    approximate: fields.approximate,
    kinds: fields.kinds as IncidentKind[],
    conditions: fields.conditions.map((key) => {
      const [orderId = '', conditionId = ''] = key.split('/');
      return { orderId, conditionId };
    }),
    what: fields.what,
    where: fields.where,
    witnesses: fields.witnesses,
    injuries: fields.injuries,
    weapon: fields.weapon,
    impact: fields.impact,
    police: { told, on: told === 'yes' && /^\d{4}-\d{2}-\d{2}$/.test(fields.policeOn) ? fields.policeOn : null, reference: told === 'yes' ? fields.policeReference : '', officer: told === 'yes' ? fields.policeOfficer : '' },
    via,
  };
}
