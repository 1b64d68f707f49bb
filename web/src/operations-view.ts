// The operations view: the monthly billing runs with their progress, invoices searched by
// customer and month (with an invoice's lines), and customers searched by name or id.

import { listField, moneyField, numberField, textField } from "./api-record.js";
import type { ApiRecord, Page, Role } from "./api-types.js";
import { el, replaceChildren } from "./element.js";
import { formatMoney, formatNumber, humanize, industryLabel } from "./format.js";
import { errorNotice, loading, notice } from "./notice.js";
import type { App, ViewScope } from "./view-scope.js";

const BILLING_ROLES: Role[] = ["admin", "finance"];
const CUSTOMER_ROLES: Role[] = ["admin", "operations"];

export interface InvoiceSearch {
  customer: string;
  month: string;
}

export function operationsHash(search: InvoiceSearch): string {
  const params = new URLSearchParams();
  if (search.customer) params.set("customer", search.customer);
  if (search.month) params.set("month", search.month);
  const query = params.toString();
  return `#/operations${query ? `?${query}` : ""}`;
}

function statusBadge(status: string | null): HTMLElement {
  const value = status ?? "unknown";
  return el("span", { class: `badge badge-${value.replace(/[^a-z_]/gi, "")}` }, humanize(value));
}

function progress(done: number | null, total: number | null): HTMLElement {
  if (done === null) return el("span", { class: "muted" }, "—");
  const pct = total && total > 0 ? Math.min(100, (done / total) * 100) : 100;
  return el(
    "div",
    {
      class: "progress",
      role: "progressbar",
      "aria-valuenow": Math.round(pct),
      "aria-valuemin": 0,
      "aria-valuemax": 100,
    },
    el(
      "div",
      { class: "progress-track" },
      el("div", { class: "progress-fill", style: `width:${pct}%` }),
    ),
    el(
      "span",
      { class: "progress-text" },
      total
        ? `${formatNumber(done)} / ${formatNumber(total)} customers (${formatNumber(pct, 0)}%)`
        : `${formatNumber(done)} customers`,
    ),
  );
}

function timestamp(value: string | null): string {
  if (!value) return "—";
  return value
    .replace("T", " ")
    .replace(/(\.\d+)?Z$/, " UTC")
    .replace(/:\d{2}( UTC)?$/, "$1");
}

function billingRunsTable(runs: ApiRecord[]): HTMLElement {
  if (runs.length === 0) {
    return notice(
      "empty",
      "No billing runs yet.",
      "A run is started per month (uplink bill run, or POST /api/v1/billing-runs).",
    );
  }
  const sorted = [...runs].sort((a, b) =>
    String(textField(b, "month")).localeCompare(String(textField(a, "month"))),
  );
  return el(
    "table",
    { class: "grid-table", id: "billing-runs" },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", {}, "Month"),
        el("th", {}, "Status"),
        el("th", { class: "wide" }, "Progress"),
        el("th", { class: "num" }, "Invoices"),
        el("th", {}, "Started"),
        el("th", {}, "Last update"),
      ),
    ),
    el(
      "tbody",
      {},
      sorted.map((run) =>
        el(
          "tr",
          { "data-month": textField(run, "month") ?? "" },
          el("td", { class: "strong" }, textField(run, "month") ?? "—"),
          el("td", {}, statusBadge(textField(run, "status"))),
          el(
            "td",
            { class: "wide" },
            progress(
              numberField(run, "customers_done", "customersDone"),
              numberField(run, "customers_total", "customersTotal"),
            ),
          ),
          el("td", { class: "num" }, formatNumber(numberField(run, "invoices", "invoice_count"))),
          el("td", {}, timestamp(textField(run, "started_at", "startedAt"))),
          el(
            "td",
            {},
            timestamp(textField(run, "completed_at", "completedAt", "updated_at", "updatedAt")),
          ),
        ),
      ),
    ),
  );
}

function invoiceTotal(invoice: ApiRecord): string {
  const money = moneyField(invoice, ["total", "total_amount", "totalAmount", "amount"]);
  return money ? formatMoney(money.amount, money.currency) : "—";
}

function invoicesTable(
  invoices: ApiRecord[],
  onOpen: (id: string) => void,
  linkCustomers: boolean,
): HTMLElement {
  return el(
    "table",
    { class: "grid-table clickable", id: "invoices" },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", {}, "Invoice"),
        el("th", {}, "Customer"),
        el("th", {}, "Month"),
        el("th", {}, "Issued"),
        el("th", {}, "Kind"),
        el("th", { class: "num" }, "Total"),
      ),
    ),
    el(
      "tbody",
      {},
      invoices.map((invoice) => {
        const id = textField(invoice, "id") ?? "";
        const customer = textField(invoice, "customer_id", "customerId", "customer") ?? "";
        const name = textField(invoice, "bill_to_name", "customer_name", "customerName");
        return el(
          "tr",
          {
            "data-invoice": id,
            tabindex: 0,
            on: { click: () => onOpen(id), keydown: (e) => e.key === "Enter" && onOpen(id) },
          },
          el("td", { class: "strong mono" }, textField(invoice, "number", "invoice_number") ?? id),
          el(
            "td",
            {},
            linkCustomers
              ? el(
                  "a",
                  {
                    href: `#/customers/${encodeURIComponent(customer)}`,
                    on: { click: (e) => e.stopPropagation() },
                  },
                  customer,
                )
              : customer,
            name ? el("span", { class: "muted" }, ` ${name}`) : null,
          ),
          el("td", {}, textField(invoice, "month", "billing_month") ?? "—"),
          el("td", {}, textField(invoice, "issue_date", "issued_on", "issuedOn") ?? "—"),
          el("td", {}, humanize(textField(invoice, "kind") ?? "invoice")),
          el("td", { class: "num strong" }, invoiceTotal(invoice)),
        );
      }),
    ),
  );
}

function invoiceDetail(invoice: ApiRecord): HTMLElement {
  const currency = textField(invoice, "currency") ?? "JPY";
  const lines = listField(invoice, "lines");
  const amount = (record: ApiRecord, ...names: string[]) => {
    const money = moneyField(record, names);
    return money ? formatMoney(money.amount, money.currency ?? currency) : "—";
  };
  return el(
    "div",
    { class: "invoice-detail", "data-invoice": textField(invoice, "id") ?? "" },
    el(
      "header",
      { class: "detail-head" },
      el("h3", {}, `Invoice ${textField(invoice, "number", "id") ?? ""}`),
      el(
        "p",
        { class: "muted" },
        [
          `Customer ${textField(invoice, "customer_id", "customerId") ?? "—"}`,
          `month ${textField(invoice, "month") ?? "—"}`,
          `issued ${textField(invoice, "issue_date", "issued_on", "issuedOn") ?? "—"}`,
          `due ${textField(invoice, "due_date", "due_on", "dueOn") ?? "—"}`,
        ].join(" · "),
      ),
    ),
    lines.length === 0
      ? notice("empty", "This invoice has no lines.")
      : el(
          "div",
          { class: "scroll-box short" },
          el(
            "table",
            { class: "grid-table compact" },
            el(
              "thead",
              {},
              el(
                "tr",
                {},
                el("th", {}, "#"),
                el("th", {}, "Kind"),
                el("th", {}, "Description"),
                el("th", { class: "num" }, "Amount"),
              ),
            ),
            el(
              "tbody",
              {},
              lines.map((line) =>
                el(
                  "tr",
                  {},
                  el("td", { class: "muted" }, textField(line, "line_no", "lineNo") ?? ""),
                  el("td", {}, humanize(textField(line, "kind") ?? "")),
                  el("td", {}, textField(line, "description") ?? ""),
                  el("td", { class: "num" }, amount(line, "amount")),
                ),
              ),
            ),
          ),
        ),
    el(
      "dl",
      { class: "totals" },
      el("dt", {}, "Subtotal"),
      el("dd", {}, amount(invoice, "subtotal")),
      el("dt", {}, "Consumption tax"),
      el("dd", {}, amount(invoice, "tax")),
      el("dt", { class: "strong" }, "Total"),
      el("dd", { class: "strong" }, amount(invoice, "total")),
    ),
  );
}

function customerList(customers: ApiRecord[]): HTMLElement {
  return el(
    "ul",
    { class: "customer-list", id: "customer-results" },
    customers.map((customer) => {
      const id = textField(customer, "id") ?? "";
      return el(
        "li",
        {},
        el(
          "a",
          { href: `#/customers/${encodeURIComponent(id)}`, "data-customer": id },
          el("span", { class: "mono" }, id),
          el("span", { class: "strong" }, textField(customer, "name") ?? ""),
          el("span", { class: "muted" }, industryLabel(textField(customer, "industry"))),
        ),
      );
    }),
  );
}

export async function renderOperationsView(
  root: HTMLElement,
  app: App,
  scope: ViewScope,
  requested: InvoiceSearch,
): Promise<void> {
  let search = requested;
  const runsSlot = el("div", {}, loading("billing runs"));
  const invoicesSlot = el("div", {}, loading("invoices"));
  const detailSlot = el("div", { class: "detail-slot" });
  const customersSlot = el("div", {}, notice("info", "Search customers by name or id."));

  const customerInput = el("input", {
    type: "search",
    name: "customer",
    id: "invoice-customer",
    placeholder: "Customer id, e.g. C00001",
    value: search.customer,
    autocomplete: "off",
  });
  const monthInput = el("input", {
    type: "month",
    name: "month",
    id: "invoice-month",
    value: search.month,
  });
  const invoiceForm = el(
    "form",
    {
      class: "search-form",
      id: "invoice-search",
      on: {
        submit: (event) => {
          event.preventDefault();
          app.navigate(
            operationsHash({ customer: customerInput.value.trim(), month: monthInput.value }),
          );
        },
      },
    },
    el("label", {}, "Customer", customerInput),
    el("label", {}, "Month", monthInput),
    el("button", { type: "submit", class: "button primary" }, "Search"),
    search.customer || search.month
      ? el("a", { href: "#/operations", class: "button ghost" }, "Clear")
      : null,
  );

  const customerQuery = el("input", {
    type: "search",
    id: "customer-search-input",
    placeholder: "Name or id",
    autocomplete: "off",
  });
  const customerForm = el(
    "form",
    {
      class: "search-form",
      id: "customer-search",
      on: {
        submit: (event) => {
          event.preventDefault();
          void findCustomers(customerQuery.value.trim());
        },
      },
    },
    el("label", {}, "Customer", customerQuery),
    el("button", { type: "submit", class: "button" }, "Find"),
  );

  // Each role sees the parts its token may read: billing for finance, customers for operations.
  const billing = BILLING_ROLES.includes(app.me.role);
  const customers = CUSTOMER_ROLES.includes(app.me.role);
  replaceChildren(
    root,
    el(
      "div",
      { class: "view operations-view" },
      el(
        "header",
        { class: "view-head" },
        el("h1", {}, "Operations"),
        el(
          "p",
          { class: "view-sub" },
          "Monthly billing runs, issued invoices and customer accounts",
        ),
      ),
      billing &&
        el(
          "section",
          { class: "card", "aria-label": "Billing runs" },
          el(
            "header",
            { class: "card-head" },
            el("h2", {}, "Billing runs"),
            el(
              "p",
              { class: "card-sub" },
              "One run per month; progress refreshes while a run is going",
            ),
          ),
          runsSlot,
        ),
      el(
        "div",
        { class: billing && customers ? "band-grid wide-left" : "band-grid single" },
        billing &&
          el(
            "section",
            { class: "card", "aria-label": "Invoices" },
            el(
              "header",
              { class: "card-head" },
              el("h2", {}, "Invoices"),
              el(
                "p",
                { class: "card-sub" },
                "Search by customer and month; open one to see its lines",
              ),
            ),
            invoiceForm,
            invoicesSlot,
            detailSlot,
          ),
        customers &&
          el(
            "section",
            { class: "card", "aria-label": "Customers" },
            el(
              "header",
              { class: "card-head" },
              el("h2", {}, "Customers"),
              el("p", { class: "card-sub" }, "Open a customer for its contracts and traffic"),
            ),
            customerForm,
            customersSlot,
          ),
      ),
    ),
  );

  const api = app.api;

  let latestMonth: string | null = null;

  async function loadRuns(): Promise<boolean> {
    try {
      const page = await api.get<Page<ApiRecord>>("/billing-runs");
      if (!scope.active) return false;
      replaceChildren(
        runsSlot,
        el("div", { class: "scroll-box short" }, billingRunsTable(page.items)),
      );
      latestMonth =
        page.items
          .map((run) => textField(run, "month") ?? "")
          .sort()
          .at(-1) ?? null;
      return page.items.some((run) => textField(run, "status") === "running");
    } catch (error) {
      if (scope.active) replaceChildren(runsSlot, errorNotice(error, "billing runs"));
      return false;
    }
  }

  async function openInvoice(id: string): Promise<void> {
    replaceChildren(detailSlot, loading(`invoice ${id}`));
    try {
      const invoice = await api.get<ApiRecord>(`/invoices/${encodeURIComponent(id)}`);
      if (scope.active) replaceChildren(detailSlot, invoiceDetail(invoice));
    } catch (error) {
      if (scope.active) replaceChildren(detailSlot, errorNotice(error, `invoice ${id}`));
    }
  }

  async function loadInvoices(): Promise<void> {
    if (!search.customer && !search.month && latestMonth) {
      // Unfiltered, the list opens on the last billed month rather than the oldest invoices.
      search = { ...search, month: latestMonth };
      monthInput.value = latestMonth;
    }
    try {
      const page = await api.get<Page<ApiRecord>>("/invoices", {
        customer: search.customer,
        month: search.month,
        limit: 50,
      });
      if (!scope.active) return;
      if (page.items.length === 0) {
        const filters = [
          search.customer && `customer ${search.customer}`,
          search.month && `month ${search.month}`,
        ]
          .filter(Boolean)
          .join(" and ");
        replaceChildren(
          invoicesSlot,
          notice(
            "empty",
            filters ? `No invoices for ${filters}.` : "No invoices issued yet.",
            filters
              ? "Try another customer or month."
              : "Invoices appear once a billing run has completed a month.",
          ),
        );
        return;
      }
      replaceChildren(
        invoicesSlot,
        el(
          "div",
          { class: "scroll-box" },
          invoicesTable(page.items, (id) => void openInvoice(id), customers),
        ),
        page.next_cursor
          ? el(
              "p",
              { class: "muted small" },
              "Showing the first 50; narrow the search to see others.",
            )
          : null,
      );
    } catch (error) {
      if (scope.active) replaceChildren(invoicesSlot, errorNotice(error, "invoices"));
    }
  }

  async function findCustomers(query: string): Promise<void> {
    replaceChildren(customersSlot, loading("customers"));
    try {
      const page = await api.get<Page<ApiRecord>>("/customers", { search: query, limit: 20 });
      if (!scope.active) return;
      replaceChildren(
        customersSlot,
        page.items.length === 0
          ? notice("empty", `No customer matches “${query}”.`)
          : customerList(page.items),
      );
    } catch (error) {
      if (scope.active) replaceChildren(customersSlot, errorNotice(error, "customers"));
    }
  }

  const runsLoaded = billing ? loadRuns() : Promise.resolve(false);
  const [running] = await Promise.all([
    runsLoaded,
    billing ? runsLoaded.then(() => loadInvoices()) : null,
    customers ? findCustomers("") : null,
  ]);
  if (running) {
    const stop = scope.every(3000, () => {
      void loadRuns().then((still) => {
        if (!still) stop();
      });
    });
  }
  if (scope.active) root.querySelector(".operations-view")?.setAttribute("data-loaded", "true");
}
