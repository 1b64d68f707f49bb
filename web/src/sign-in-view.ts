// The sign-in form: the reader pastes an API token (`uplink token create`, or the admin token
// `uplink serve` prints); the page checks it against /api/v1/me before keeping it.

import { ApiClient, ApiError } from "./api-client.js";
import type { Me } from "./api-types.js";
import { el, replaceChildren } from "./element.js";
import { notice } from "./notice.js";

export interface SignInMessage {
  kind: "info" | "error";
  text: string;
}

export function renderSignIn(
  root: HTMLElement,
  message: SignInMessage | null,
  onSignedIn: (token: string, me: Me) => void,
): void {
  const input = el("input", {
    type: "password",
    id: "token",
    name: "token",
    autocomplete: "off",
    spellcheck: "false",
    required: true,
    placeholder: "Paste your API token",
  });
  const status = el("div", { class: "sign-in-status", "aria-live": "polite" });
  if (message) status.append(notice(message.kind, message.text));
  const button = el("button", { type: "submit", class: "button primary wide" }, "Sign in");
  const form = el(
    "form",
    {
      class: "sign-in-form",
      id: "sign-in",
      on: {
        submit: (event) => {
          event.preventDefault();
          const token = input.value.trim();
          if (!token) return;
          button.disabled = true;
          replaceChildren(status, notice("loading", "Checking the token…"));
          new ApiClient(token)
            .get<Me>("/me")
            .then((me) => onSignedIn(token, me))
            .catch((error: unknown) => {
              button.disabled = false;
              const text =
                error instanceof ApiError && error.status === 401
                  ? "That token was not accepted. Check it and try again."
                  : `Could not sign in: ${error instanceof Error ? error.message : String(error)}`;
              replaceChildren(status, notice("error", text));
              input.select();
            });
        },
      },
    },
    el("label", { for: "token" }, "API token"),
    input,
    button,
  );
  replaceChildren(
    root,
    el(
      "main",
      { class: "sign-in-page" },
      el(
        "section",
        { class: "sign-in-card card", "aria-label": "Sign in" },
        el("div", { class: "brand big" }, el("span", { class: "brand-mark" }, "U"), "Uplink"),
        el(
          "p",
          { class: "muted" },
          "Quarterly results, billing and customers of the network business.",
        ),
        status,
        form,
        el(
          "p",
          { class: "hint" },
          "Tokens come from ",
          el("code", {}, "uplink token create --role finance"),
          "; ",
          el("code", {}, "uplink serve"),
          " prints an admin token when it starts. The token is kept for this browser tab only.",
        ),
      ),
    ),
  );
  input.focus();
}
