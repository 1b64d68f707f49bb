import { z } from "@hono/zod-openapi";
import { ApiError } from "./http-error.js";

/**
 * Pagination of list endpoints: `limit` (default 50, at most 1000) and an opaque `cursor` that the
 * previous page's `next_cursor` gave. The cursor holds the position of the next page; it is
 * base64url text so that clients treat it as a token, not a number to compute with.
 */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

export const pageQueryFields = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(DEFAULT_LIMIT)
    .openapi({ description: `Items per page, 1–${MAX_LIMIT}.`, example: DEFAULT_LIMIT }),
  cursor: z
    .string()
    .optional()
    .openapi({ description: "The `next_cursor` of the previous page; absent for the first." }),
};

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** The position a cursor stands for (0 without one); a cursor not made here is a 400. */
export function offsetOfCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === "") return 0;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o?: unknown };
    if (typeof parsed.o === "number" && Number.isSafeInteger(parsed.o) && parsed.o >= 0) {
      return parsed.o;
    }
  } catch {
    // fall through to the error below
  }
  throw new ApiError(
    "INVALID_INPUT",
    "The cursor is not one this API gave; pass the next_cursor of the previous page unchanged.",
    "cursor",
  );
}

export function cursorAt(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset }), "utf8").toString("base64url");
}

/**
 * One page of rows read from the start: `rows` holds at least `offset + limit + 1` rows when more
 * follow the page (read with that limit), so the extra row tells whether there is a next page.
 */
export function pageOf<T>(rows: readonly T[], offset: number, limit: number): Page<T> {
  const items = rows.slice(offset, offset + limit);
  return {
    items,
    next_cursor: rows.length > offset + limit ? cursorAt(offset + limit) : null,
  };
}

/** How many rows to read so that `pageOf` can tell whether a next page exists. */
export function rowsToRead(offset: number, limit: number): number {
  return offset + limit + 1;
}
