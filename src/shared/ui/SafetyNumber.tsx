// The safety number as twelve groups of five digits, in reading order whatever the page's direction:
// the survivor's and the advocate's screens are compared group by group, left to right.
import { useEffect, useState } from 'preact/hooks';
import { type PublicIdentity, safetyNumber } from '../../platform/vault';

export interface SafetyNumberProps {
  own: PublicIdentity;
  peer: PublicIdentity;
  label: string;
}

/** Twelve groups of five digits, computed from both identities. */
export function SafetyNumber({ own, peer, label }: SafetyNumberProps) {
  const [groups, setGroups] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    safetyNumber(own, peer).then(
      (result) => live && setGroups(result),
      () => live && setGroups(null),
    );
    return () => {
      live = false;
    };
  }, [own, peer]);
  if (!groups) return null;
  return (
    <ol class="safety-number" aria-label={label} dir="ltr">
      {groups.map((group, i) => (
        <li key={i}>{group}</li>
      ))}
    </ol>
  );
}
