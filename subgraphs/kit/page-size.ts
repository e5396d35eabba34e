/**
 * DESIGN §9: lists are cursor-paginated and a page holds at most 100 items. Kept free of
 * type-graphql so the gateway's request limits can share the numbers without loading it.
 */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
