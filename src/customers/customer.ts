import type { Currency, InputLocation } from "../core/index.js";
import { recordFields } from "../input/index.js";
import { isCountryCode } from "./country-code.js";

/** The industries of the presentation's revenue distribution (FY2011). */
export type Industry =
  | "communication_it"
  | "media_service"
  | "financial"
  | "machinery_manufacturing"
  | "government_public"
  | "retail"
  | "construction";

export const INDUSTRIES: readonly Industry[] = [
  "communication_it",
  "media_service",
  "financial",
  "machinery_manufacturing",
  "government_public",
  "retail",
  "construction",
];

/** Active customers are billed; suspended ones keep their contracts unbilled; closed ones are gone. */
export type CustomerStatus = "active" | "suspended" | "closed";
export const CUSTOMER_STATUSES: readonly CustomerStatus[] = ["active", "suspended", "closed"];

export interface Customer {
  readonly id: string;
  readonly name: string;
  readonly industry: Industry;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** The group company that serves and bills the customer. */
  readonly groupCompanyId: string;
  readonly billingCurrency: Currency;
  readonly status: CustomerStatus;
  /** The date the status took effect. */
  readonly statusSince: string;
  readonly billingAddress: string;
}

export const CUSTOMER_FIELDS = [
  "id",
  "name",
  "industry",
  "country",
  "group_company",
  "billing_currency",
  "status",
  "status_since",
  "billing_address",
] as const;

export type RawCustomer = Partial<Record<(typeof CUSTOMER_FIELDS)[number], string>>;

/** Validates one written customer; status defaults to active, the currency to JPY. */
export function customerFromRaw(raw: RawCustomer, where: InputLocation): Customer {
  const f = recordFields(raw, where);
  const country = f.text("country");
  if (!isCountryCode(country)) {
    f.fail("country", `"${country}" is not an ISO 3166-1 alpha-2 code such as JP or US.`);
  }
  return {
    id: f.id("id"),
    name: f.text("name"),
    industry: f.oneOf("industry", INDUSTRIES),
    country,
    groupCompanyId: f.id("group_company"),
    billingCurrency: f.currency("billing_currency", "JPY"),
    status: f.oneOf("status", CUSTOMER_STATUSES, "active"),
    statusSince: f.date("status_since"),
    billingAddress: f.optionalText("billing_address") ?? "",
  };
}

/** The file's name of the first field in which two customers differ, if any. */
export function customerDifference(a: Customer, b: Customer): string | undefined {
  if (a.name !== b.name) return "name";
  if (a.industry !== b.industry) return "industry";
  if (a.country !== b.country) return "country";
  if (a.groupCompanyId !== b.groupCompanyId) return "group_company";
  if (a.billingCurrency !== b.billingCurrency) return "billing_currency";
  if (a.status !== b.status) return "status";
  if (a.statusSince !== b.statusSince) return "status_since";
  if (a.billingAddress !== b.billingAddress) return "billing_address";
  return undefined;
}

/** Whether a customer matches a free-text search: its id or name contains the text, any case. */
export function customerMatches(customer: Customer, search: string): boolean {
  const needle = search.toLowerCase();
  return customer.id.toLowerCase().includes(needle) || customer.name.toLowerCase().includes(needle);
}
