/** Accounts: users, sessions, API tokens and sign-in failures (SQL only; policy is in the server). */
export * from './users';
export * from './sessions';
export * from './api-tokens';
export * from './login-failures';
export { serializable, isUniqueViolation, isRetryableConflict } from './serializable';
