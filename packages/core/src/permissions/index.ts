export * from './role-rules';
export * from './record-scope';
export * from './table-permission';
export * from './computed-readability';
export * from './normalize-role-rules';
