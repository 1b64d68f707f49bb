import { describe, expect, it } from "vitest";
import { UplinkError } from "../core/index.js";
import { customerScope, maySeeCustomer, type Principal, tokenTerms } from "./role.js";

const principal = (role: Principal["role"], customerId: string | null = null): Principal => ({
  tokenId: "tok_1",
  name: "t",
  role,
  customerId,
});

describe("roles", () => {
  it.each([
    { role: "admin", customer: undefined, terms: { role: "admin", customerId: null } },
    { role: "finance", customer: "", terms: { role: "finance", customerId: null } },
    { role: "customer", customer: " C00001 ", terms: { role: "customer", customerId: "C00001" } },
  ])("a $role token with customer $customer has the terms $terms", ({ role, customer, terms }) => {
    expect(tokenTerms(role, customer)).toEqual(terms);
  });

  it.each([
    { role: "root", customer: undefined, field: "role" },
    { role: "customer", customer: undefined, field: "customer" },
    { role: "customer", customer: "  ", field: "customer" },
    { role: "operations", customer: "C00001", field: "customer" },
  ])(
    "refuses a $role token with customer $customer, naming $field",
    ({ role, customer, field }) => {
      const error = (() => {
        try {
          tokenTerms(role, customer);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(UplinkError);
      expect((error as UplinkError).location?.field).toBe(field);
    },
  );

  it.each([
    { who: principal("admin"), customer: "C00002", sees: true, scope: null },
    { who: principal("finance"), customer: "C00002", sees: true, scope: null },
    { who: principal("operations"), customer: "C00002", sees: true, scope: null },
    { who: principal("customer", "C00001"), customer: "C00001", sees: true, scope: "C00001" },
    { who: principal("customer", "C00001"), customer: "C00002", sees: false, scope: "C00001" },
  ])(
    "a $who.role token of $who.customerId sees $customer: $sees",
    ({ who, customer, sees, scope }) => {
      expect(maySeeCustomer(who, customer)).toBe(sees);
      expect(customerScope(who)).toBe(scope);
    },
  );
});
