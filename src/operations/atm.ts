import { type InputLocation, UplinkError } from "../core/index.js";
import { recordFields } from "../input/index.js";
import { firstDifference } from "./first-difference.js";

/**
 * An ATM the group places and operates (in the presentation, the 79.5%-owned subsidiary's
 * business: a commission on every withdrawal). It is in place from the day it is placed until the
 * day it is removed: an ATM removed on D no longer counts on D.
 */
export interface Atm {
  readonly id: string;
  readonly location: string;
  readonly placedOn: string;
  readonly removedOn: string | null;
  /** The group company that operates it. */
  readonly groupCompanyId: string;
}

export const ATM_FIELDS = ["id", "location", "placed_on", "removed_on", "group_company"] as const;
export const ATM_REQUIRED_FIELDS = ["id", "location", "placed_on", "group_company"] as const;

export function atmFromRaw(values: Readonly<Record<string, string>>, where: InputLocation): Atm {
  const f = recordFields(values, where);
  const placedOn = f.date("placed_on");
  const removedOn = f.optionalDate("removed_on") ?? null;
  if (removedOn !== null && removedOn <= placedOn) {
    throw new UplinkError(
      "INVALID_INPUT",
      `Removed on ${removedOn}, not after it was placed (${placedOn}).`,
      { location: f.at("removed_on") },
    );
  }
  return {
    id: f.id("id"),
    location: f.text("location"),
    placedOn,
    removedOn,
    groupCompanyId: f.id("group_company"),
  };
}

export function atmInPlaceOn(atm: Atm, date: string): boolean {
  return atm.placedOn <= date && (atm.removedOn === null || date < atm.removedOn);
}

/** ATMs in place at the end of `date` (the KPI kpi.atm_units at a quarter end). */
export function atmCount(atms: readonly Atm[], date: string): number {
  return atms.filter((atm) => atmInPlaceOn(atm, date)).length;
}

export function atmDifference(a: Atm, b: Atm): string | undefined {
  return firstDifference([
    ["location", a.location, b.location],
    ["placed_on", a.placedOn, b.placedOn],
    ["removed_on", a.removedOn, b.removedOn],
    ["group_company", a.groupCompanyId, b.groupCompanyId],
  ]);
}
