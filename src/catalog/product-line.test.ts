import { describe, expect, it } from "vitest";
import { findProductLine, PRODUCT_LINES, productLinesMatching } from "./product-line.js";

describe("product lines", () => {
  it("count toward contracted bandwidth exactly for IP service, data-center connectivity and fiber/DSL access", () => {
    expect(PRODUCT_LINES.filter((l) => l.countsTowardBandwidth).map((l) => l.id)).toEqual([
      "ip_service",
      "datacenter_connectivity",
      "fiber_dsl_access",
    ]);
  });

  it("cover every revenue line of the presentation", () => {
    expect(new Set(PRODUCT_LINES.map((l) => l.revenueMetric))).toEqual(
      new Set([
        "revenue.network.connectivity_corporate",
        "revenue.network.connectivity_home",
        "revenue.network.wan",
        "revenue.network.outsourcing",
        "revenue.si.construction",
        "revenue.si.operation",
        "revenue.equipment",
        "revenue.atm",
      ]),
    );
  });

  it.each([
    ["ip_service", "network", "recurring"],
    ["mobile", "network", "recurring"],
    ["private_cloud", "si", "recurring"],
    ["si_construction", "si", "one_time"],
    ["equipment_sales", "equipment", "one_time"],
    ["atm_operation", "atm", "other"],
  ])("%s is in segment %s and its revenue is %s", (id, segment, revenueClass) => {
    expect(findProductLine(id)).toMatchObject({ segment, revenueClass });
  });

  it.each([
    ["ethernet_wan", ["ethernet_wan"]],
    ["revenue.network.wan", ["ethernet_wan", "global_wan"]],
    ["revenue.si", ["si_construction", "si_operation", "private_cloud"]],
  ])("the selector %s names the lines %o", (selector, lines) => {
    expect(productLinesMatching(selector).map((l) => l.id)).toEqual(lines);
  });

  it("refuses an unknown selector, listing the lines", () => {
    expect(() => productLinesMatching("revenue.network.wa")).toThrow(/ip_service, ipv6/);
  });
});
