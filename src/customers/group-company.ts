import { type Currency, Decimal, type InputLocation, UplinkError } from "../core/index.js";
import { recordFields } from "../input/index.js";

/** How a company belongs to the group: the parent, a consolidated subsidiary, or an equity-method investee. */
export type GroupRelation = "parent" | "subsidiary" | "equity_method";
export const GROUP_RELATIONS: readonly GroupRelation[] = ["parent", "subsidiary", "equity_method"];

/** The currencies a group company may keep its books in. */
export const FUNCTIONAL_CURRENCIES: readonly Currency[] = ["JPY", "USD", "CNY", "THB"];

/**
 * A company of the group. `ownershipPercent` is the parent's exact share ("79.5" leaves 20.5% to
 * non-controlling interests); `consolidatedFrom` is the first day its figures enter the group's.
 */
export interface GroupCompany {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly ownershipPercent: Decimal;
  readonly functionalCurrency: Currency;
  readonly consolidatedFrom: string;
  readonly relation: GroupRelation;
}

export const GROUP_COMPANY_FIELDS = [
  "id",
  "name",
  "parent",
  "ownership_percent",
  "functional_currency",
  "consolidated_from",
  "relation",
] as const;

export type RawGroupCompany = Partial<Record<(typeof GROUP_COMPANY_FIELDS)[number], string>>;

/**
 * Validates one written group company: the parent owns itself wholly and has no parent; a
 * subsidiary or investee names its parent and an ownership above 0 and at most 100 percent.
 */
export function groupCompanyFromRaw(raw: RawGroupCompany, where: InputLocation): GroupCompany {
  const f = recordFields(raw, where);
  const id = f.id("id");
  const relation = f.oneOf("relation", GROUP_RELATIONS);
  const parentId = f.optionalId("parent") ?? null;
  const ownershipPercent = f.decimal("ownership_percent");
  if (relation === "parent") {
    if (parentId !== null) f.fail("parent", "The parent company has no parent; leave it empty.");
    if (!ownershipPercent.equals(100)) {
      f.fail("ownership_percent", "The parent company is owned 100 percent.");
    }
  } else {
    if (parentId === null) f.fail("parent", `A ${relation} company names its parent.`);
    if (parentId === id) f.fail("parent", "A company cannot be its own parent.");
    if (ownershipPercent.lte(0) || ownershipPercent.gt(100)) {
      f.fail("ownership_percent", "Ownership is a percentage above 0 and at most 100.");
    }
  }
  const functionalCurrency = f.currency("functional_currency");
  if (!FUNCTIONAL_CURRENCIES.includes(functionalCurrency)) {
    f.fail("functional_currency", `Use one of ${FUNCTIONAL_CURRENCIES.join(", ")}.`);
  }
  return {
    id,
    name: f.text("name"),
    parentId,
    ownershipPercent: new Decimal(ownershipPercent),
    functionalCurrency,
    consolidatedFrom: f.date("consolidated_from"),
    relation,
  };
}

/** Whether two group companies say the same; the name of the first differing field, if not. */
export function groupCompanyDifference(a: GroupCompany, b: GroupCompany): string | undefined {
  if (a.name !== b.name) return "name";
  if (a.parentId !== b.parentId) return "parent";
  if (!a.ownershipPercent.equals(b.ownershipPercent)) return "ownership_percent";
  if (a.functionalCurrency !== b.functionalCurrency) return "functional_currency";
  if (a.consolidatedFrom !== b.consolidatedFrom) return "consolidated_from";
  if (a.relation !== b.relation) return "relation";
  return undefined;
}

/**
 * Orders companies so that every parent comes before its children (what a foreign key needs) and
 * refuses a cycle. Parents outside the list (already stored) are taken as present.
 */
export function parentsFirst(companies: readonly GroupCompany[]): GroupCompany[] {
  const byId = new Map(companies.map((c) => [c.id, c]));
  const ordered: GroupCompany[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (company: GroupCompany): void => {
    if (placed.has(company.id)) return;
    if (visiting.has(company.id)) {
      throw new UplinkError("INVALID_INPUT", `The parents of ${company.id} form a cycle.`);
    }
    visiting.add(company.id);
    const parent = company.parentId === null ? undefined : byId.get(company.parentId);
    if (parent) place(parent);
    visiting.delete(company.id);
    placed.add(company.id);
    ordered.push(company);
  };
  for (const company of companies) place(company);
  return ordered;
}
