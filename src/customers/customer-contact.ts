import type { InputLocation } from "../core/index.js";
import { recordFields } from "../input/index.js";

/** A person at a customer; one customer may have several, one per e-mail address. */
export interface CustomerContact {
  readonly customerId: string;
  readonly name: string;
  readonly email: string;
  /** What the person is contacted for, e.g. billing, technical, sales. */
  readonly role: string;
}

export const CONTACT_FIELDS = ["customer", "name", "email", "role"] as const;

export type RawContact = Partial<Record<(typeof CONTACT_FIELDS)[number], string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function contactFromRaw(raw: RawContact, where: InputLocation): CustomerContact {
  const f = recordFields(raw, where);
  const email = f.text("email").toLowerCase();
  if (!EMAIL.test(email)) f.fail("email", `"${email}" is not an e-mail address.`);
  return {
    customerId: f.id("customer"),
    name: f.text("name"),
    email,
    role: f.text("role"),
  };
}

export function contactKey(contact: Pick<CustomerContact, "customerId" | "email">): string {
  return `${contact.customerId}|${contact.email}`;
}

export function contactDifference(a: CustomerContact, b: CustomerContact): string | undefined {
  if (a.name !== b.name) return "name";
  if (a.role !== b.role) return "role";
  return undefined;
}
