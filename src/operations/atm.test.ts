import { describe, expect, it } from "vitest";
import { type Atm, atmCount, atmFromRaw, atmInPlaceOn } from "./atm.js";

const atm = (id: string, placedOn: string, removedOn: string | null = null): Atm => ({
  id,
  location: "Tokyo",
  placedOn,
  removedOn,
  groupCompanyId: "trust-networks",
});

describe("ATMs in place on a day", () => {
  it.each([
    ["the day before it is placed", "2012-06-29", false],
    ["the day it is placed", "2012-06-30", true],
    ["the day before it is removed", "2012-09-29", true],
    ["the day it is removed", "2012-09-30", false],
  ])("an ATM placed 2012-06-30 and removed 2012-09-30 counts on %s: %s", (_, date, expected) => {
    expect(atmInPlaceOn(atm("A1", "2012-06-30", "2012-09-30"), date)).toBe(expected);
  });

  it.each([
    ["2012-03-31", 2],
    ["2012-06-30", 3],
    ["2012-09-30", 2],
  ])("counts the fleet at quarter end %s", (date, count) => {
    const fleet = [
      atm("A1", "2011-05-01"),
      atm("A2", "2012-01-15", "2012-09-01"),
      atm("A3", "2012-06-30"),
    ];
    expect(atmCount(fleet, date)).toBe(count);
  });

  it("refuses a removal on or before the placement, naming the field", () => {
    expect(() =>
      atmFromRaw(
        {
          id: "A1",
          location: "Tokyo",
          placed_on: "2012-06-30",
          removed_on: "2012-06-30",
          group_company: "trust-networks",
        },
        { file: "atms.csv", line: 2 },
      ),
    ).toThrow(
      expect.objectContaining({ location: { file: "atms.csv", line: 2, field: "removed_on" } }),
    );
  });
});
