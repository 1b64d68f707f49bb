import { UplinkError } from "../core/index.js";

/**
 * Who may do what. `admin` may do everything; `finance` reads reports and runs billing and the
 * ledger; `operations` looks after customers, contracts, usage and projects; `customer` sees its
 * own contracts, usage, projects and invoices, and nothing else.
 */
export type Role = "admin" | "finance" | "operations" | "customer";
export const ROLES: readonly Role[] = ["admin", "finance", "operations", "customer"];

/** The caller of a request: the token it presented and what that token may do. */
export interface Principal {
  readonly tokenId: string;
  readonly name: string;
  readonly role: Role;
  /** Set for (and only for) the customer role: the one customer the token may see. */
  readonly customerId: string | null;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * The terms of a new token: a customer token names its customer, the other roles name none (they
 * are not confined to one customer). Returns the customer id to store.
 */
export function tokenTerms(
  role: string,
  customerId: string | undefined,
): {
  role: Role;
  customerId: string | null;
} {
  if (!isRole(role)) {
    throw new UplinkError("INVALID_INPUT", `"${role}" is not a role; choose ${ROLES.join(", ")}.`, {
      location: { field: "role" },
    });
  }
  const customer = customerId?.trim() || undefined;
  if (role === "customer" && customer === undefined) {
    throw new UplinkError("INVALID_INPUT", "A customer token names its customer (--customer ID).", {
      location: { field: "customer" },
    });
  }
  if (role !== "customer" && customer !== undefined) {
    throw new UplinkError(
      "INVALID_INPUT",
      `A ${role} token is not confined to one customer; --customer is for the customer role.`,
      { location: { field: "customer" } },
    );
  }
  return { role, customerId: customer ?? null };
}

/** The one customer a principal is confined to, or null when it may see every customer. */
export function customerScope(principal: Principal): string | null {
  return principal.role === "customer" ? principal.customerId : null;
}

/** Whether a principal may see a record of this customer (a customer token: only its own). */
export function maySeeCustomer(principal: Principal, customerId: string): boolean {
  const scope = customerScope(principal);
  return scope === null || scope === customerId;
}
