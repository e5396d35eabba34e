import DataLoader from "dataloader";

/**
 * A per-request loader for lookups that take parameters besides the key: a page of dossiers per
 * commune with a filter, figures per commune for a period. Requests that differ only in `key`
 * share one `load` call (one statement for 126 communes); requests with other parameters get
 * their own. Made per request, like every loader, so no result outlives its caller.
 */
export const createParameterisedLoader = <R extends { key: string }, V>(
  load: (parameters: R, keys: string[]) => Promise<ReadonlyMap<string, V>>,
  missing: (request: R) => V,
): DataLoader<R, V, string> =>
  new DataLoader<R, V, string>(
    async (requests) => {
      const groups = new Map<string, R[]>();
      for (const request of requests) {
        const { key: _key, ...parameters } = request;
        const group = JSON.stringify(parameters);
        groups.set(group, [...(groups.get(group) ?? []), request]);
      }
      const results = new Map<R, V>();
      for (const items of groups.values()) {
        const loaded = await load(items[0], [...new Set(items.map((item) => item.key))]);
        for (const item of items) results.set(item, loaded.get(item.key) ?? missing(item));
      }
      return requests.map((request) => results.get(request) as V);
    },
    { cacheKeyFn: (request) => JSON.stringify(request) },
  );
