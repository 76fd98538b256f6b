/** Filters, sorts and group-bys compiled to SQL: the storage half of the query model (core has the other). */
export { compileFilter } from './compile-filter';
export { compileOrderBy } from './compile-order-by';
export { compileGroupBy, type CompiledGroupBy } from './compile-group-by';
export { tableScope, type QueryScope } from './query-scope';
export { filterScope, probeThroughLinks, defaultThroughLinkLimit, type FilterScopeOptions, type ProbeOptions } from './filter-scope';
export { ensureThroughLinkIndex, refreshThroughLinkStatistics } from './through-link-index';
