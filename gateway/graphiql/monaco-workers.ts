/**
 * GraphiQL's editor (Monaco) runs its language services in web workers. They are bundled beside
 * the page (infra/graphiql/build.ts), so nothing is fetched from anywhere but this origin; the
 * build passes their hashed file names in.
 */
declare const HUB_MONACO_WORKERS: { editor: string; json: string; graphql: string };

interface MonacoEnvironment {
  getWorker(workerId: string, label: string): Worker;
}

(globalThis as typeof globalThis & { MonacoEnvironment?: MonacoEnvironment }).MonacoEnvironment = {
  getWorker: (_workerId, label) => {
    const script =
      label === "json"
        ? HUB_MONACO_WORKERS.json
        : label === "graphql"
          ? HUB_MONACO_WORKERS.graphql
          : HUB_MONACO_WORKERS.editor;
    return new Worker(`/graphiql/assets/${script}`, { name: label });
  },
};
