// shared/ui — generic components with no feature knowledge.
export { Choice, type ChoiceOption } from './Choice';
export { Dialog } from './Dialog';
export { Field } from './Field';
export { Screen } from './Screen';
export { SECRET_INPUT_ATTRIBUTES } from './secretInput';
export { SafetyNumber } from './SafetyNumber';
