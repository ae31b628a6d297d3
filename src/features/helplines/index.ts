// features/helplines — region directories of services (validated data files), her own contacts (an
// encrypted repository), one-tap call and text, and the emergency number on home. Imports platform/*,
// shared/ui and the exit and settings features.
export { EmergencyCall } from './EmergencyCall';
export { HelplinesScreen } from './HelplinesScreen';
