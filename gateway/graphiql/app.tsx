import "./monaco-workers";
import "graphiql/style.css";
import "@graphiql/react/font/roboto.css";
import "./app.css";

import { useDocExplorer, useDocExplorerActions } from "@graphiql/plugin-doc-explorer";
import { useGraphiQL, useGraphiQLActions } from "@graphiql/react";
import { GraphiQL, type GraphiQLProps } from "graphiql";
import { type ChangeEvent, useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { createRoot } from "react-dom/client";

/** As GET /graphiql/operations returns them (gateway/graphiql.ts). */
interface SavedOperation {
  file: string;
  name: string;
  description: string;
  query: string;
  variables: Record<string, unknown>;
}

/** As GET /graphiql/personas returns them, in development only. */
interface Persona {
  id: string;
  label: string;
  description: string;
  token: string;
  expiresAt: string;
}

interface HubData {
  operations: SavedOperation[];
  /** Absent in production: people paste their own token into the headers editor. */
  personas?: Persona[];
}

type Fetcher = GraphiQLProps["fetcher"];

/** Every request goes to the gateway that served this page: its /graphql endpoint. */
const fetcher: Fetcher = async (params, options) => {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...options?.headers },
    body: JSON.stringify(params),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text}` }] };
  }
};

const headersFor = (persona: Persona): string => JSON.stringify({ authorization: `Bearer ${persona.token}` }, null, 2);

const variablesOf = (operation: SavedOperation): string => JSON.stringify(operation.variables, null, 2);

/**
 * The hub's bar above GraphiQL: the saved operations and, in development, the personas. It is
 * rendered inside GraphiQL (its state and actions are reached through React context) and shown,
 * through a portal, in the page's own header.
 */
const HubBar = ({ operations, personas, bar }: HubData & { bar: HTMLElement }) => {
  const { addTab, changeTab, introspect, setOperationName } = useGraphiQLActions();
  const tabs = useGraphiQL((state) => state.tabs);
  const activeTabIndex = useGraphiQL((state) => state.activeTabIndex);
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const schema = useGraphiQL((state) => state.schema);
  const schemaFailed = useGraphiQL((state) => Boolean(state.fetchError));
  const docStack = useDocExplorer();
  const { push: showDoc } = useDocExplorerActions();
  const docOpened = useRef(false);
  const [personaId, setPersonaId] = useState("");
  const persona = personas?.find((candidate) => candidate.id === personaId);
  const ready = Boolean(queryEditor && variableEditor && headerEditor);

  // The documentation opens once on the query type, whose fields carry the Vietnamese terms.
  useEffect(() => {
    const queryType = schema?.getQueryType();
    if (!queryType || docOpened.current) return;
    docOpened.current = true;
    if (docStack.length === 1) showDoc({ name: queryType.name, def: queryType });
  }, [schema, docStack, showDoc]);

  // A persona applies to every tab: a tab opened or switched to gets its token, unless someone
  // typed other headers there.
  useEffect(() => {
    if (!headerEditor || !persona || !personas) return;
    const current = headerEditor.getValue().trim();
    const wanted = headersFor(persona);
    if (current === wanted) return;
    if (current === "" || current === "{}" || personas.some((other) => current === headersFor(other))) {
      headerEditor.setValue(wanted);
    }
  }, [headerEditor, persona, personas, activeTabIndex]);

  // Production shows the schema to signed-in analysts and admins only: once someone pastes a
  // token after the first attempt failed, try again.
  useEffect(() => {
    if (!headerEditor || !schemaFailed) return;
    let timer: number | undefined;
    const subscription = headerEditor.onDidChangeModelContent(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void introspect(), 800);
    });
    return () => {
      subscription.dispose();
      window.clearTimeout(timer);
    };
  }, [headerEditor, schemaFailed, introspect]);

  const activeTitle = tabs[activeTabIndex]?.title;
  const activeOperation = operations.find((operation) => operation.name === activeTitle);

  const openOperation = (event: ChangeEvent<HTMLSelectElement>) => {
    const operation = operations.find((candidate) => candidate.file === event.target.value);
    if (!operation || !queryEditor || !variableEditor) return;
    const index = tabs.findIndex((tab) => tab.title === operation.name);
    // GraphiQL learns a tab's operation name by parsing the editor after a pause; say it at once, so
    // that running the operation straight after opening it does not send the previous tab's name.
    if (index !== -1) {
      if (index !== activeTabIndex) changeTab(index);
      setOperationName(operation.name);
      return;
    }
    addTab();
    queryEditor.setValue(operation.query);
    variableEditor.setValue(variablesOf(operation));
    setOperationName(operation.name);
  };

  const pickPersona = (event: ChangeEvent<HTMLSelectElement>) => {
    const next = personas?.find((candidate) => candidate.id === event.target.value);
    setPersonaId(next?.id ?? "");
    if (!headerEditor) return;
    headerEditor.setValue(next ? headersFor(next) : "");
    // Who may read the schema depends on the caller (production shows it to some roles only).
    void introspect();
  };

  const hint = persona
    ? `${persona.description} Its development token is in Headers, valid until ${new Date(persona.expiresAt).toLocaleTimeString()}.`
    : personas
      ? "Pick a persona for a development token, or put your own in Headers."
      : 'Sign in: put {"authorization": "Bearer <your token>"} in Headers.';

  return createPortal(
    <>
      <span className="hub-title">
        Hub <span className="hub-subtitle">GraphiQL</span>
      </span>
      <label className="hub-control">
        <span>Saved operation</span>
        <select value={activeOperation?.file ?? ""} onChange={openOperation} disabled={!ready}>
          <option value="">—</option>
          {operations.map((operation) => (
            <option key={operation.file} value={operation.file} title={operation.description}>
              {operation.name}
            </option>
          ))}
        </select>
      </label>
      {personas ? (
        <label className="hub-control">
          <span>Persona</span>
          <select value={personaId} onChange={pickPersona} disabled={!ready}>
            <option value="">No token</option>
            {personas.map((candidate) => (
              <option key={candidate.id} value={candidate.id} title={candidate.description}>
                {candidate.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <span className="hub-hint" title={hint}>
        {hint}
      </span>
    </>,
    bar,
  );
};

const HubGraphiQL = ({ operations, personas, bar }: HubData & { bar: HTMLElement }) => (
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={operations.map((operation) => ({ query: operation.query, variables: variablesOf(operation) }))}
    defaultQuery={operations[0]?.query}
    visiblePlugin="Documentation Explorer"
    defaultEditorToolsVisibility
    shouldPersistHeaders={false}
  >
    <GraphiQL.Logo>
      <HubBar operations={operations} personas={personas} bar={bar} />
    </GraphiQL.Logo>
  </GraphiQL>
);

const getJson = async <T,>(path: string): Promise<T | undefined> => {
  const response = await fetch(path, { headers: { accept: "application/json" } });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
};

const start = async (): Promise<void> => {
  const container = document.getElementById("graphiql");
  const bar = document.getElementById("hub-bar");
  if (!container || !bar) return;
  try {
    const [saved, minted] = await Promise.all([
      getJson<{ operations: SavedOperation[] }>("/graphiql/operations"),
      getJson<{ personas: Persona[] }>("/graphiql/personas"),
    ]);
    container.className = "hub-graphiql";
    container.textContent = "";
    bar.textContent = "";
    createRoot(container).render(
      <HubGraphiQL operations={saved?.operations ?? []} personas={minted?.personas} bar={bar} />,
    );
  } catch (error) {
    container.textContent = `GraphiQL could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
};

void start();
