import { describe, expect, it } from "vitest";
import { UplinkError } from "../core/index.js";
import { isCountryCode } from "./country-code.js";
import { customerFromRaw, customerMatches, type RawCustomer } from "./customer.js";
import { contactFromRaw } from "./customer-contact.js";
import { groupCompanyFromRaw, parentsFirst, type RawGroupCompany } from "./group-company.js";

const WHERE = { file: "f.csv", line: 7 };

function errorOf(fn: () => unknown): UplinkError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UplinkError) return error;
    throw error;
  }
  throw new Error("expected an UplinkError");
}

const CUSTOMER: RawCustomer = {
  id: "C00001",
  name: "Acme Bank",
  industry: "financial",
  country: "JP",
  group_company: "G1",
  status_since: "2008-04-01",
};

describe("a customer row", () => {
  it("defaults to an active customer billed in yen with no address", () => {
    expect(customerFromRaw(CUSTOMER, WHERE)).toEqual({
      id: "C00001",
      name: "Acme Bank",
      industry: "financial",
      country: "JP",
      groupCompanyId: "G1",
      billingCurrency: "JPY",
      status: "active",
      statusSince: "2008-04-01",
      billingAddress: "",
    });
  });

  it.each([
    ["industry", "banking", "industry"],
    ["country", "JPN", "country"],
    ["country", "jp", "country"],
    ["country", "XX", "country"],
    ["status", "dormant", "status"],
    ["status_since", "2008-02-30", "status_since"],
    ["status_since", "2008/04/01", "status_since"],
    ["billing_currency", "EUR", "billing_currency"],
    ["id", "C 1", "id"],
    ["name", "  ", "name"],
    ["group_company", "", "group_company"],
  ] as const)("refuses %s = %j, naming the field", (field, value, named) => {
    const error = errorOf(() => customerFromRaw({ ...CUSTOMER, [field]: value }, WHERE));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.location).toEqual({ ...WHERE, field: named });
  });

  it.each([
    ["acme", true],
    ["C0000", true],
    ["BANK", true],
    ["beta", false],
  ])("is found by a search for %j: %s", (search, found) => {
    expect(customerMatches(customerFromRaw(CUSTOMER, WHERE), search)).toBe(found);
  });
});

describe("country codes", () => {
  it.each([
    ["JP", true],
    ["US", true],
    ["CN", true],
    ["TH", true],
    ["UK", false],
    ["EU", false],
    ["jp", false],
  ])("%s is an assigned ISO 3166-1 alpha-2 code: %s", (code, assigned) => {
    expect(isCountryCode(code)).toBe(assigned);
  });
});

describe("a contact row", () => {
  it("keeps the e-mail address in lower case, the key of a customer's contacts", () => {
    const contact = contactFromRaw(
      { customer: "C00001", name: "Hanako", email: "Hanako@Acme.example", role: "billing" },
      WHERE,
    );
    expect(contact.email).toBe("hanako@acme.example");
  });

  it("refuses an address that is not one", () => {
    const error = errorOf(() =>
      contactFromRaw({ customer: "C1", name: "H", email: "hanako", role: "billing" }, WHERE),
    );
    expect(error.location?.field).toBe("email");
  });
});

const PARENT: RawGroupCompany = {
  id: "G1",
  name: "Uplink Inc.",
  ownership_percent: "100",
  functional_currency: "JPY",
  consolidated_from: "2000-04-01",
  relation: "parent",
};
const SUBSIDIARY: RawGroupCompany = {
  id: "G2",
  name: "Uplink Systems",
  parent: "G1",
  ownership_percent: "79.5",
  functional_currency: "JPY",
  consolidated_from: "2010-04-01",
  relation: "subsidiary",
};

describe("a group company row", () => {
  it("keeps the ownership as an exact decimal", () => {
    const company = groupCompanyFromRaw(SUBSIDIARY, WHERE);
    expect(company.ownershipPercent.toFixed()).toBe("79.5");
    expect(company.parentId).toBe("G1");
  });

  it.each([
    ["a parent with a parent", { ...PARENT, parent: "G0" }, "parent"],
    [
      "a parent owned less than wholly",
      { ...PARENT, ownership_percent: "90" },
      "ownership_percent",
    ],
    ["a subsidiary without a parent", { ...SUBSIDIARY, parent: "" }, "parent"],
    ["a subsidiary of itself", { ...SUBSIDIARY, parent: "G2" }, "parent"],
    ["an ownership of 0", { ...SUBSIDIARY, ownership_percent: "0" }, "ownership_percent"],
    ["an ownership over 100", { ...SUBSIDIARY, ownership_percent: "100.5" }, "ownership_percent"],
    [
      "an ownership in a percent sign",
      { ...SUBSIDIARY, ownership_percent: "79.5%" },
      "ownership_percent",
    ],
    [
      "a functional currency outside the group's",
      { ...SUBSIDIARY, functional_currency: "EUR" },
      "functional_currency",
    ],
    ["an unknown relation", { ...SUBSIDIARY, relation: "affiliate" }, "relation"],
  ])("refuses %s", (_, raw, field) => {
    expect(errorOf(() => groupCompanyFromRaw(raw, WHERE)).location?.field).toBe(field);
  });

  it("orders parents before their children, and refuses a cycle", () => {
    const child = groupCompanyFromRaw(SUBSIDIARY, WHERE);
    const grandchild = groupCompanyFromRaw(
      { ...SUBSIDIARY, id: "G3", parent: "G2", relation: "equity_method", ownership_percent: "30" },
      WHERE,
    );
    const parent = groupCompanyFromRaw(PARENT, WHERE);
    expect(parentsFirst([grandchild, child, parent]).map((c) => c.id)).toEqual(["G1", "G2", "G3"]);
    const a = { ...child, id: "A", parentId: "B" };
    const b = { ...child, id: "B", parentId: "A" };
    expect(errorOf(() => parentsFirst([a, b])).message).toMatch(/cycle/);
  });
});
