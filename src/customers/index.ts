// Customers: the group's companies (parent, subsidiaries, equity-method investees), the customers
// each serves with their industry, country, status and contacts, their imports and look-ups.

export { isCountryCode } from "./country-code.js";
export type { Customer, CustomerStatus, Industry, RawCustomer } from "./customer.js";
export {
  CUSTOMER_FIELDS,
  CUSTOMER_STATUSES,
  customerDifference,
  customerFromRaw,
  customerMatches,
  INDUSTRIES,
} from "./customer.js";
export {
  type CustomerFilter,
  contactsOf,
  contactsOfCustomers,
  countCustomers,
  customersByIds,
  findCustomer,
  insertCustomerContacts,
  insertCustomers,
  listCustomers,
} from "./customer.repository.js";
export type {
  CustomerContactTable,
  CustomerTable,
  GroupCompanyTable,
} from "./customer.table.js";
export type { CustomerContact, RawContact } from "./customer-contact.js";
export { CONTACT_FIELDS, contactFromRaw } from "./customer-contact.js";
export {
  type ImportOptions,
  type ImportOutcome,
  importContactFile,
  importCustomerFile,
  importGroupCompanyFile,
} from "./customer-import.js";
export type { GroupCompany, GroupRelation, RawGroupCompany } from "./group-company.js";
export {
  FUNCTIONAL_CURRENCIES,
  GROUP_COMPANY_FIELDS,
  GROUP_RELATIONS,
  groupCompanyFromRaw,
  parentsFirst,
} from "./group-company.js";
export {
  findGroupCompany,
  insertGroupCompanies,
  listGroupCompanies,
} from "./group-company.repository.js";
