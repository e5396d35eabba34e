import { Directive, Field, ObjectType } from "type-graphql";

import { badInput } from "./errors";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./page-size";

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

// Every subgraph pages its lists the same way, so each may resolve PageInfo.
@Directive("@shareable")
@ObjectType({ description: "Thông tin trang — where this page ends and whether more follow" })
export class PageInfo {
  @Field(() => String, { nullable: true, description: "Con trỏ cuối — pass as `after` to read the next page" })
  endCursor: string | null;

  @Field({ description: "Còn trang sau — true when another page follows" })
  hasNextPage: boolean;
}

export const pageSize = (first: number | null | undefined): number => {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput("first", `first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return first;
};

/** Cursors are opaque to clients: base64url of the JSON sort key of the last item. */
export const encodeCursor = (key: readonly string[]): string => Buffer.from(JSON.stringify(key)).toString("base64url");

export const decodeCursor = (cursor: string | null | undefined, parts: number): string[] | undefined => {
  if (cursor === null || cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === parts && key.every((k) => typeof k === "string")) return key as string[];
  } catch {
    // fall through to the error below
  }
  throw badInput("after", "after is not a cursor this list gave out");
};

/** Given first+1 rows, returns the page and its PageInfo. */
export const toPage = <T>(rows: T[], size: number, keyOf: (row: T) => string[]): { nodes: T[]; pageInfo: PageInfo } => {
  const nodes = rows.slice(0, size);
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor(keyOf(last)) : null } };
};

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

/**
 * A page type for any node type: `connectionOf(Citizen, "CitizenConnection", "Trang công dân — …")`.
 * `shareable` when more than one subgraph defines the same page type (a kit type, say).
 */
export const connectionOf = <T>(
  node: abstract new (...args: never[]) => T,
  name: string,
  description: string,
  options: { shareable?: boolean } = {},
) => {
  @ObjectType(name, { description })
  class PageOfNodes implements Connection<T> {
    @Field(() => [node])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  // Applied as @Directive above @ObjectType would be, after it.
  if (options.shareable) Directive("@shareable")(PageOfNodes);
  return PageOfNodes;
};
