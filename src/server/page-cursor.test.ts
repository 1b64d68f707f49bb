import { describe, expect, it } from "vitest";
import { ApiError } from "./http-error.js";
import { cursorAt, offsetOfCursor, pageOf, rowsToRead } from "./page-cursor.js";

describe("pages of a list", () => {
  const rows = ["a", "b", "c", "d", "e"];

  it.each([
    { offset: 0, limit: 2, items: ["a", "b"], next: 2 },
    { offset: 2, limit: 2, items: ["c", "d"], next: 4 },
    { offset: 4, limit: 2, items: ["e"], next: null },
    { offset: 0, limit: 5, items: rows, next: null },
    { offset: 5, limit: 2, items: [], next: null },
  ])("from $offset, $limit a page: $items, next at $next", ({ offset, limit, items, next }) => {
    const page = pageOf(rows, offset, limit);
    expect(page.items).toEqual(items);
    expect(page.next_cursor === null ? null : offsetOfCursor(page.next_cursor)).toBe(next);
  });

  it("reads one row past the page, so that the extra row tells whether another follows", () => {
    expect(rowsToRead(100, 50)).toBe(151);
  });

  it("round-trips a position through an opaque cursor", () => {
    expect(cursorAt(350)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(offsetOfCursor(cursorAt(350))).toBe(350);
    expect(offsetOfCursor(undefined)).toBe(0);
  });

  it.each(["zzz", cursorAt(-1), Buffer.from('{"o":"5"}').toString("base64url"), "%%%"])(
    "refuses the cursor %s as bad input naming the cursor",
    (cursor) => {
      expect(() => offsetOfCursor(cursor)).toThrow(ApiError);
      try {
        offsetOfCursor(cursor);
      } catch (error) {
        expect((error as ApiError).field).toBe("cursor");
      }
    },
  );
});
