/** Bases and their members (SQL only; who may do what is decided in the server). */
export * from './roles';
export * from './bases';
export * from './members';
export * from './custom-roles';
export * from './metadata-versions';
export * from './member-access';
