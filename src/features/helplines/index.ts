// features/helplines — region directories of services (validated data files in data/), her own
// contacts (an encrypted repository), one-tap call and text, and the emergency number on home.
// Imports platform/*, shared/ui and the exit, secrets and settings features.
export { EmergencyCall } from './EmergencyCall';
export { HelplinesScreen } from './HelplinesScreen';
export { emergencyFor, servicesFor } from './directory';
export { type NeedFilter, filterServices } from './filter';
export { openingState } from './hours';
export type { Need, Service } from './schema';
