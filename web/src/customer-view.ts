// A customer's page: who they are, their contacts and summary, their contracts, a contract's
// traffic over a month with its 95th percentile, and their invoices.

import { listField, moneyField, numberField, recordField, textField } from "./api-record.js";
import type { ApiRecord, Page, Usage } from "./api-types.js";
import { el, replaceChildren } from "./element.js";
import { lastMonthOf } from "./fiscal-periods.js";
import {
  formatBitRate,
  formatMbps,
  formatMoney,
  formatNumber,
  humanize,
  industryLabel,
} from "./format.js";
import { CHART_QUARTERS } from "./investor-view.js";
import { errorNotice, loading, notice } from "./notice.js";
import { sampleCount, trafficChart } from "./traffic-chart.js";
import type { App, ViewScope } from "./view-scope.js";

/** The month the traffic chart opens on: the last month of the last reported quarter. */
export const DEFAULT_USAGE_MONTH = lastMonthOf(CHART_QUARTERS.at(-1) ?? CHART_QUARTERS[0]!);

export interface CustomerRoute {
  id: string;
  contract: string;
  month: string;
}

export function customerHash(route: CustomerRoute): string {
  const params = new URLSearchParams();
  if (route.contract) params.set("contract", route.contract);
  if (route.month && route.month !== DEFAULT_USAGE_MONTH) params.set("month", route.month);
  const query = params.toString();
  return `#/customers/${encodeURIComponent(route.id)}${query ? `?${query}` : ""}`;
}

const bandwidthOf = (contract: ApiRecord) =>
  numberField(contract, "bandwidth_mbps", "bandwidthMbps");

/** Lines metered by traffic, after burstable plans (billed at the 95th percentile). */
const METERED_LINES = ["ip_service", "datacenter_connectivity"];

/** The contract the traffic chart opens on: a burstable one, else a metered line, else any. */
function defaultContract(contracts: ApiRecord[]): ApiRecord | undefined {
  const active = contracts.filter((c) => textField(c, "status") !== "cancelled");
  const plan = (c: ApiRecord) => textField(c, "plan_id", "plan") ?? "";
  const line = (c: ApiRecord) => textField(c, "line", "product_line") ?? "";
  return (
    active.find((c) => plan(c).includes("burst")) ??
    active.find((c) => METERED_LINES.includes(line(c)) && bandwidthOf(c)) ??
    active.find((c) => bandwidthOf(c)) ??
    contracts[0]
  );
}

function facts(pairs: [string, string | null | HTMLElement][]): HTMLElement {
  return el(
    "dl",
    { class: "facts" },
    pairs
      .filter(([, value]) => value !== null && value !== "")
      .map(([term, value]) => [el("dt", {}, term), el("dd", {}, value)]),
  );
}

function summaryValue(key: string, value: unknown): string {
  if (typeof value === "number") {
    if (key.endsWith("_mbps")) return formatMbps(value);
    if (key.endsWith("_gbps")) return `${formatNumber(value, 1)} Gbps`;
    return formatNumber(value, Number.isInteger(value) ? 0 : 1);
  }
  if (value && typeof value === "object" && "amount" in value) {
    const money = value as { amount: string | number; currency?: string };
    return formatMoney(money.amount, money.currency ?? "JPY");
  }
  return String(value ?? "—");
}

function summaryCards(summary: ApiRecord | null): HTMLElement | null {
  if (!summary) return null;
  const entries = Object.entries(summary).filter(([key, v]) => {
    if (key.endsWith("_gbps") && `${key.slice(0, -5)}_mbps` in summary) return false;
    if (v === null || v === undefined) return false;
    return typeof v !== "object" || "amount" in v;
  });
  if (entries.length === 0) return null;
  return el(
    "div",
    { class: "kpis compact" },
    entries.map(([key, value]) =>
      el(
        "article",
        { class: "kpi", "data-summary": key },
        el("h3", {}, humanize(key.replace(/_(mbps|gbps)$/, ""))),
        el("p", { class: "kpi-value" }, summaryValue(key, value)),
      ),
    ),
  );
}

function contactsList(contacts: ApiRecord[]): HTMLElement {
  if (contacts.length === 0) return el("p", { class: "muted" }, "No contacts on file.");
  return el(
    "ul",
    { class: "contacts" },
    contacts.map((contact) =>
      el(
        "li",
        {},
        el("span", { class: "strong" }, textField(contact, "name") ?? "—"),
        textField(contact, "role", "kind")
          ? el("span", { class: "badge" }, humanize(textField(contact, "role", "kind") ?? ""))
          : null,
        el(
          "span",
          { class: "muted" },
          [textField(contact, "email"), textField(contact, "phone")].filter(Boolean).join(" · "),
        ),
      ),
    ),
  );
}

function contractsTable(
  contracts: ApiRecord[],
  selected: string | undefined,
  onSelect: (id: string) => void,
): HTMLElement {
  return el(
    "table",
    { class: "grid-table clickable", id: "contracts" },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", {}, "Contract"),
        el("th", {}, "Service"),
        el("th", { class: "num" }, "Bandwidth"),
        el("th", { class: "num" }, "Qty"),
        el("th", { class: "num" }, "Monthly fee"),
        el("th", {}, "Active since"),
        el("th", {}, "Status"),
      ),
    ),
    el(
      "tbody",
      {},
      contracts.map((contract) => {
        const id = textField(contract, "id") ?? "";
        const fee = moneyField(
          contract,
          ["monthly_fee", "monthlyFee"],
          ["currency", "monthly_fee_currency"],
        );
        return el(
          "tr",
          {
            "data-contract": id,
            class: id === selected ? "selected" : null,
            tabindex: 0,
            title: "Show this contract's traffic",
            on: { click: () => onSelect(id), keydown: (e) => e.key === "Enter" && onSelect(id) },
          },
          el("td", { class: "mono strong" }, id),
          el(
            "td",
            {},
            humanize(textField(contract, "line", "product_line") ?? ""),
            el("span", { class: "muted" }, ` ${textField(contract, "plan", "plan_id") ?? ""}`),
          ),
          el("td", { class: "num" }, formatMbps(bandwidthOf(contract))),
          el("td", { class: "num" }, formatNumber(numberField(contract, "quantity"))),
          el("td", { class: "num" }, fee ? formatMoney(fee.amount, fee.currency) : "—"),
          el("td", {}, textField(contract, "activated_on", "activatedOn") ?? "—"),
          el(
            "td",
            {},
            el(
              "span",
              { class: `badge badge-${textField(contract, "status") ?? ""}` },
              humanize(textField(contract, "status") ?? "—"),
            ),
          ),
        );
      }),
    ),
  );
}

function percentileFacts(usage: Usage): HTMLElement {
  const p95 = usage.percentile_95;
  return facts([
    ["95th percentile in", formatBitRate(p95?.in_bps)],
    ["95th percentile out", formatBitRate(p95?.out_bps)],
    ["Billed at", formatBitRate(p95?.billed_bps)],
    ["Samples", p95 ? formatNumber(p95.samples) : formatNumber(sampleCount(usage) / 2)],
  ]);
}

export async function renderCustomerView(
  root: HTMLElement,
  app: App,
  scope: ViewScope,
  route: CustomerRoute,
): Promise<void> {
  const api = app.api;
  replaceChildren(root, loading(`customer ${route.id}`));
  let customer: ApiRecord;
  try {
    customer = await api.get<ApiRecord>(`/customers/${encodeURIComponent(route.id)}`);
  } catch (error) {
    if (scope.active)
      replaceChildren(
        root,
        el("div", { class: "view customer-view" }, errorNotice(error, `customer ${route.id}`)),
      );
    return;
  }
  if (!scope.active) return;

  const contractsSlot = el("div", {}, loading("contracts"));
  const trafficBody = el("div", { class: "chart tall", id: "chart-traffic" });
  const trafficMessage = el("div", { class: "traffic-message" });
  const trafficFacts = el("div", { class: "traffic-facts" });
  const invoicesSlot = el("div", {}, loading("invoices"));
  const contractSelect = el("select", { id: "traffic-contract", "aria-label": "Contract" });
  const monthInput = el("input", {
    type: "month",
    id: "traffic-month",
    value: route.month,
    "aria-label": "Month",
  });
  const go = (contract: string, month: string) =>
    app.navigate(customerHash({ id: route.id, contract, month }));
  contractSelect.addEventListener("change", () => go(contractSelect.value, monthInput.value));
  monthInput.addEventListener("change", () => go(contractSelect.value, monthInput.value));

  const name = textField(customer, "name") ?? route.id;
  replaceChildren(
    root,
    el(
      "div",
      { class: "view customer-view", "data-customer": route.id },
      app.me.role === "customer"
        ? null
        : el("a", { href: "#/operations", class: "back" }, "← Operations"),
      el(
        "header",
        { class: "view-head" },
        el(
          "h1",
          {},
          name,
          " ",
          el("span", { class: "id-chip" }, textField(customer, "id") ?? route.id),
        ),
        el(
          "p",
          { class: "view-sub" },
          [
            industryLabel(textField(customer, "industry")),
            textField(customer, "country"),
            textField(customer, "billing_currency", "billingCurrency"),
          ]
            .filter(Boolean)
            .join(" · "),
        ),
      ),
      el(
        "div",
        { class: "customer-top" },
        el(
          "section",
          { class: "card", "aria-label": "Account" },
          el("header", { class: "card-head" }, el("h2", {}, "Account")),
          facts([
            [
              "Status",
              el(
                "span",
                { class: `badge badge-${textField(customer, "status") ?? ""}` },
                humanize(textField(customer, "status") ?? "—"),
              ),
            ],
            ["Since", textField(customer, "status_since", "statusSince")],
            ["Group company", textField(customer, "group_company", "groupCompany")],
            ["Billing address", textField(customer, "billing_address", "billingAddress")],
          ]),
          el("h3", { class: "minor" }, "Contacts"),
          contactsList(listField(customer, "contacts")),
        ),
        summaryCards(recordField(customer, "summary")) ?? el("div", {}),
      ),
      el(
        "section",
        { class: "card", "aria-label": "Traffic" },
        el(
          "header",
          { class: "card-head with-controls" },
          el(
            "div",
            {},
            el("h2", {}, "Traffic of the month"),
            el(
              "p",
              { class: "card-sub" },
              "5-minute samples, inbound and outbound; the line across is the 95th percentile the month is billed at",
            ),
          ),
          el(
            "div",
            { class: "controls" },
            el("label", {}, "Contract", contractSelect),
            el("label", {}, "Month", monthInput),
          ),
        ),
        trafficMessage,
        trafficBody,
        trafficFacts,
      ),
      el(
        "section",
        { class: "card", "aria-label": "Contracts" },
        el(
          "header",
          { class: "card-head" },
          el("h2", {}, "Contracts"),
          el("p", { class: "card-sub" }, "Select a contract to chart its traffic"),
        ),
        contractsSlot,
      ),
      el(
        "section",
        { class: "card", "aria-label": "Invoices" },
        el("header", { class: "card-head" }, el("h2", {}, "Invoices")),
        invoicesSlot,
      ),
    ),
  );

  const invoicesTask = api
    .get<Page<ApiRecord>>("/invoices", { customer: route.id, limit: 200 })
    .then(
      (page) => {
        if (!scope.active) return;
        if (page.items.length === 0) {
          replaceChildren(invoicesSlot, notice("empty", `No invoices for ${route.id} yet.`));
          return;
        }
        replaceChildren(
          invoicesSlot,
          el(
            "table",
            { class: "grid-table", id: "customer-invoices" },
            el(
              "thead",
              {},
              el(
                "tr",
                {},
                el("th", {}, "Invoice"),
                el("th", {}, "Month"),
                el("th", {}, "Issued"),
                el("th", { class: "num" }, "Total"),
              ),
            ),
            el(
              "tbody",
              {},
              [...page.items]
                .reverse()
                .slice(0, 24)
                .map((invoice) => {
                  const total = moneyField(invoice, ["total", "total_amount", "totalAmount"]);
                  return el(
                    "tr",
                    {},
                    el("td", { class: "mono" }, textField(invoice, "number", "id") ?? ""),
                    el("td", {}, textField(invoice, "month") ?? "—"),
                    el("td", {}, textField(invoice, "issue_date", "issued_on", "issuedOn") ?? "—"),
                    el(
                      "td",
                      { class: "num strong" },
                      total ? formatMoney(total.amount, total.currency) : "—",
                    ),
                  );
                }),
            ),
          ),
        );
      },
      (error: unknown) => {
        if (scope.active) replaceChildren(invoicesSlot, errorNotice(error, "invoices"));
      },
    );

  let contracts: ApiRecord[] = [];
  try {
    const page = await api.get<Page<ApiRecord>>("/contracts", { customer: route.id, limit: 1000 });
    contracts = page.items;
  } catch (error) {
    if (scope.active) {
      replaceChildren(contractsSlot, errorNotice(error, "contracts"));
      replaceChildren(trafficMessage, errorNotice(error, "contracts"));
    }
    await invoicesTask;
    return;
  }
  if (!scope.active) return;
  if (contracts.length === 0) {
    replaceChildren(contractsSlot, notice("empty", `${name} has no contracts.`));
    replaceChildren(trafficMessage, notice("empty", "No contract to chart."));
    await invoicesTask;
    return;
  }
  const chosen =
    contracts.find((c) => textField(c, "id") === route.contract) ?? defaultContract(contracts);
  const chosenId = chosen ? (textField(chosen, "id") ?? "") : "";
  const table = contractsTable(contracts, chosenId, (id) => go(id, monthInput.value));
  const filter = el("input", {
    type: "search",
    id: "contract-filter",
    placeholder: "Filter by id, service or status",
    "aria-label": "Filter contracts",
  });
  const shown = el("span", { class: "muted small" });
  const applyFilter = () => {
    const words = filter.value.trim().toLowerCase();
    let visible = 0;
    for (const row of table.querySelectorAll<HTMLTableRowElement>("tbody tr")) {
      const match = !words || (row.textContent ?? "").toLowerCase().includes(words);
      row.hidden = !match;
      if (match) visible += 1;
    }
    shown.textContent = `${formatNumber(visible)} of ${formatNumber(contracts.length)} contracts`;
  };
  filter.addEventListener("input", applyFilter);
  replaceChildren(
    contractsSlot,
    el("div", { class: "list-filter" }, filter, shown),
    el("div", { class: "scroll-box" }, table),
  );
  applyFilter();
  const box = contractsSlot.querySelector<HTMLElement>(".scroll-box");
  const selectedRow = table.querySelector<HTMLElement>("tr.selected");
  if (box && selectedRow) box.scrollTop = Math.max(0, selectedRow.offsetTop - box.clientHeight / 2);
  replaceChildren(
    contractSelect,
    contracts.map((c) => {
      const id = textField(c, "id") ?? "";
      return el(
        "option",
        { value: id, selected: id === chosenId },
        `${id} · ${humanize(textField(c, "line", "product_line") ?? "")} ${formatMbps(bandwidthOf(c))}`,
      );
    }),
  );

  try {
    const usage = await api.get<Usage>(`/contracts/${encodeURIComponent(chosenId)}/usage`, {
      month: route.month,
    });
    if (!scope.active) return;
    if (sampleCount(usage) === 0) {
      replaceChildren(
        trafficMessage,
        notice(
          "empty",
          `No traffic samples for ${chosenId} in ${route.month}.`,
          "Pick another month or contract.",
        ),
      );
      trafficBody.hidden = true;
    } else {
      scope.charts.draw(
        "traffic",
        trafficBody,
        trafficChart(usage, chosen ? bandwidthOf(chosen) : null),
      );
      trafficBody.dataset.percentile95 = String(usage.percentile_95?.billed_bps ?? "");
      replaceChildren(trafficFacts, percentileFacts(usage));
    }
  } catch (error) {
    if (scope.active) {
      trafficBody.hidden = true;
      replaceChildren(
        trafficMessage,
        errorNotice(error, `traffic of ${chosenId} in ${route.month}`),
      );
    }
  }
  await invoicesTask;
  if (scope.active) root.querySelector(".customer-view")?.setAttribute("data-loaded", "true");
}
