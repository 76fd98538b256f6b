/** Cell history and the event outbox, written in the transaction of the change. */
export * from './history';
export * from './outbox';
export * from './append-change';
