// The agreement service: inter-annotator agreement on units (spans) and fields, and the one
// definition of a disagreement. See README "Working as a team".
export * from './coefficients';
export * from './adjudicate';
export * from './computeAgreement';
export * from './disagreement';
export * from './fields';
export * from './matchUnits';
export * from './render';
export * from './sources';
export * from './types';
export * from './unitizing';
