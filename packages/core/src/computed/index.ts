/** Computed fields: what they read and the order in which they are recalculated. */
export * from './dependency';
export * from './graph';
