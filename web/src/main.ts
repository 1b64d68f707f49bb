// The dashboard page: signs in with an API token, then routes between the investor view of a
// period, the operations view and a customer's page (#/investor/2Q12, #/operations,
// #/customers/C00001), all read from the Uplink API.

import "./styles.css";
import { ApiClient } from "./api-client.js";
import type { Me, Role } from "./api-types.js";
import { DEFAULT_USAGE_MONTH, renderCustomerView } from "./customer-view.js";
import { el, replaceChildren } from "./element.js";
import {
  DEFAULT_PERIOD,
  type FigureSource,
  investorHash,
  renderInvestorView,
} from "./investor-view.js";
import { errorNotice } from "./notice.js";
import { renderOperationsView } from "./operations-view.js";
import { forgetToken, storedToken, storeToken } from "./session.js";
import { renderSignIn, type SignInMessage } from "./sign-in-view.js";
import { type App, ViewScope } from "./view-scope.js";

const page = document.getElementById("app") ?? document.body;

type Route =
  | { view: "investor"; period: string; source: FigureSource }
  | { view: "operations"; customer: string; month: string }
  | { view: "customer"; id: string; contract: string; month: string }
  | { view: "home" };

function parseRoute(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "investor") {
    return {
      view: "investor",
      period: (parts[1] ?? DEFAULT_PERIOD).toUpperCase(),
      source: params.get("source") === "ledger" ? "ledger" : "reported",
    };
  }
  if (parts[0] === "operations") {
    return {
      view: "operations",
      customer: params.get("customer") ?? "",
      month: params.get("month") ?? "",
    };
  }
  if (parts[0] === "customers" && parts[1]) {
    return {
      view: "customer",
      id: parts[1],
      contract: params.get("contract") ?? "",
      month: params.get("month") ?? DEFAULT_USAGE_MONTH,
    };
  }
  return { view: "home" };
}

function homeOf(me: Me): string {
  if (me.role === "customer" && me.customer_id)
    return `#/customers/${encodeURIComponent(me.customer_id)}`;
  return investorHash(DEFAULT_PERIOD, "reported");
}

const NAV: { view: Route["view"]; label: string; roles: Role[]; hash: (me: Me) => string }[] = [
  {
    view: "investor",
    label: "Investor",
    roles: ["admin", "finance", "operations"],
    hash: () => investorHash(DEFAULT_PERIOD, "reported"),
  },
  {
    view: "operations",
    label: "Operations",
    roles: ["admin", "finance", "operations"],
    hash: () => "#/operations",
  },
  {
    view: "customer",
    label: "My account",
    roles: ["customer"],
    hash: (me) => `#/customers/${encodeURIComponent(me.customer_id ?? "")}`,
  },
];

class Dashboard {
  private scope: ViewScope | null = null;
  private signingOut = false;
  private readonly main = el("main", { class: "content", id: "content" });
  private readonly nav = el("nav", { class: "main-nav", "aria-label": "Views" });
  private readonly app: App;

  constructor(
    token: string,
    private readonly me: Me,
    private readonly onSignOut: (message: SignInMessage | null) => void,
  ) {
    const api = new ApiClient(token, () =>
      this.signOut({
        kind: "error",
        text: "Your session has ended: the server no longer accepts this token (401). Sign in again.",
      }),
    );
    this.app = { api, me, navigate: (hash) => this.navigate(hash) };
  }

  start(): void {
    replaceChildren(
      page,
      el(
        "div",
        { class: "shell" },
        el(
          "header",
          { class: "topbar" },
          el(
            "a",
            { class: "brand", href: homeOf(this.me) },
            el("span", { class: "brand-mark" }, "U"),
            "Uplink",
          ),
          this.nav,
          el(
            "div",
            { class: "who" },
            el(
              "span",
              { class: "role-chip", id: "role" },
              this.me.role,
              this.me.customer_id ? ` · ${this.me.customer_id}` : "",
            ),
            el(
              "button",
              {
                type: "button",
                class: "button ghost small",
                id: "sign-out",
                on: { click: () => this.signOut({ kind: "info", text: "You have signed out." }) },
              },
              "Sign out",
            ),
          ),
        ),
        this.main,
      ),
    );
    window.addEventListener("hashchange", this.onHashChange);
    this.route();
  }

  private readonly onHashChange = () => this.route();

  navigate(hash: string): void {
    if (window.location.hash === hash) this.route();
    else window.location.hash = hash;
  }

  private signOut(message: SignInMessage | null): void {
    if (this.signingOut) return;
    this.signingOut = true;
    window.removeEventListener("hashchange", this.onHashChange);
    this.scope?.close();
    this.scope = null;
    forgetToken();
    this.onSignOut(message);
  }

  private route(): void {
    if (this.signingOut) return;
    const route = parseRoute(window.location.hash);
    if (route.view === "home") {
      window.location.replace(homeOf(this.me));
      return;
    }
    this.scope?.close();
    const scope = new ViewScope();
    this.scope = scope;
    replaceChildren(
      this.nav,
      NAV.filter((item) => item.roles.includes(this.me.role)).map((item) =>
        el(
          "a",
          { href: item.hash(this.me), "aria-current": item.view === route.view ? "page" : null },
          item.label,
        ),
      ),
    );
    const view = el("div", { class: "view-root" });
    replaceChildren(this.main, view);
    const rendering =
      route.view === "investor"
        ? renderInvestorView(view, this.app, scope, route.period, route.source)
        : route.view === "operations"
          ? renderOperationsView(view, this.app, scope, {
              customer: route.customer,
              month: route.month,
            })
          : renderCustomerView(view, this.app, scope, {
              id: route.id,
              contract: route.contract,
              month: route.month,
            });
    rendering.catch((error: unknown) => {
      if (scope.active) replaceChildren(view, errorNotice(error, "this view"));
    });
    document.title = `${titleOf(route)} · Uplink`;
  }
}

function titleOf(route: Route): string {
  switch (route.view) {
    case "investor":
      return `${route.period} results`;
    case "operations":
      return "Operations";
    case "customer":
      return `Customer ${route.id}`;
    default:
      return "Dashboard";
  }
}

function showSignIn(message: SignInMessage | null): void {
  document.title = "Sign in · Uplink";
  renderSignIn(page, message, (token, me) => {
    storeToken(token);
    new Dashboard(token, me, showSignIn).start();
  });
}

async function boot(): Promise<void> {
  const token = storedToken();
  if (!token) {
    showSignIn(null);
    return;
  }
  let signedOut = false;
  const probe = new ApiClient(token, () => {
    signedOut = true;
  });
  try {
    const me = await probe.get<Me>("/me");
    new Dashboard(token, me, showSignIn).start();
  } catch (error) {
    forgetToken();
    showSignIn(
      signedOut
        ? {
            kind: "error",
            text: "Your session has ended: the server no longer accepts this token (401). Sign in again.",
          }
        : {
            kind: "error",
            text: `Could not reach the API: ${error instanceof Error ? error.message : String(error)}`,
          },
    );
  }
}

void boot();
