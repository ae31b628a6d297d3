// The emergency number for her region, one tap from home.
import type { Region } from '../settings';

export interface EmergencyCallProps {
  region: Region;
}

export function EmergencyCall(_: EmergencyCallProps) {
  return null;
}
