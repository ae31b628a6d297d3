// features/home — the home screen. Imports platform/*, shared/ui and the disguise feature.
export { type HomeSection, HomeScreen } from './HomeScreen';
