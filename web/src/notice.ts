// The messages a reader sees instead of figures: an error (with what the server said), an empty
// period or list, a role that may not see something, and a "loading" placeholder.

import { ApiError } from "./api-client.js";
import { el } from "./element.js";

export type NoticeKind = "error" | "empty" | "info" | "loading";

export function notice(kind: NoticeKind, title: string, detail?: string): HTMLElement {
  return el(
    "div",
    { class: `notice notice-${kind}`, role: kind === "error" ? "alert" : "status" },
    el("strong", { class: "notice-title" }, title),
    detail ? el("span", { class: "notice-detail" }, detail) : null,
  );
}

export function loading(what: string): HTMLElement {
  return notice("loading", `Loading ${what}…`);
}

/** The message for a failed request: 403 and 404 read as plain facts, the rest as errors. */
export function errorNotice(error: unknown, what: string): HTMLElement {
  if (error instanceof ApiError) {
    if (error.status === 403) {
      return notice("info", `Your role may not see ${what}.`, error.message);
    }
    if (error.status === 404) return notice("empty", `No ${what} found.`, error.message);
    const field = error.field ? ` (field: ${error.field})` : "";
    return notice(
      "error",
      `Could not load ${what}.`,
      `${error.message}${field} [${error.code}${error.status ? `, HTTP ${error.status}` : ""}]`,
    );
  }
  return notice("error", `Could not load ${what}.`, String(error));
}
