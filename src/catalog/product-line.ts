import { UplinkError } from "../core/index.js";

/** The presentation's reporting segments. */
export type Segment = "network" | "si" | "equipment" | "atm";

/**
 * Recurring = connectivity, WAN, outsourcing, systems operation; one-time = systems construction
 * and equipment; ATM operation is neither.
 */
export type RevenueClass = "recurring" | "one_time" | "other";

/**
 * A business line of the presentation. Every plan belongs to one; the line says which revenue
 * metric its revenue reports under and whether its contracts count toward the contracted
 * bandwidth KPI (IP service, data-center connectivity and fiber/DSL access do).
 */
export interface ProductLine {
  readonly id: string;
  readonly name: string;
  readonly segment: Segment;
  readonly revenueMetric: string;
  readonly revenueClass: RevenueClass;
  readonly countsTowardBandwidth: boolean;
}

const CORPORATE = "revenue.network.connectivity_corporate";
const HOME = "revenue.network.connectivity_home";
const WAN = "revenue.network.wan";
const OUTSOURCING = "revenue.network.outsourcing";

function line(
  id: string,
  name: string,
  revenueMetric: string,
  countsTowardBandwidth = false,
): ProductLine {
  const segment: Segment = revenueMetric.startsWith("revenue.network")
    ? "network"
    : revenueMetric.startsWith("revenue.si")
      ? "si"
      : revenueMetric === "revenue.equipment"
        ? "equipment"
        : "atm";
  const revenueClass: RevenueClass =
    revenueMetric === "revenue.si.construction" || revenueMetric === "revenue.equipment"
      ? "one_time"
      : revenueMetric === "revenue.atm"
        ? "other"
        : "recurring";
  return Object.freeze({ id, name, segment, revenueMetric, revenueClass, countsTowardBandwidth });
}

/** Every product line, in the presentation's order. */
export const PRODUCT_LINES: readonly ProductLine[] = Object.freeze([
  line(
    "ip_service",
    "IP service (dedicated Internet connectivity, 1 Mbps to 10 Gbps and more)",
    CORPORATE,
    true,
  ),
  line("ipv6", "IPv6 service", CORPORATE),
  line("datacenter_connectivity", "Internet data-center connectivity", CORPORATE, true),
  line("fiber_dsl_access", "Fiber/DSL access (FiberAccess/F, DSL/F)", CORPORATE, true),
  line("consumer_isp", "Consumer ISP plans", HOME),
  line("mobile", "Mobile connectivity (LTE/3G)", HOME),
  line("reseller_flets", "FLET'S reseller line (presented net)", HOME),
  line("ethernet_wan", "Ethernet WAN", WAN),
  line("global_wan", "Global WAN", WAN),
  line("managed_firewall", "Managed firewall and IPS", OUTSOURCING),
  line("ddos_protection", "DDoS protection", OUTSOURCING),
  line("url_filtering", "URL filtering", OUTSOURCING),
  line("anti_spam", "Anti-spam", OUTSOURCING),
  line("housing", "Data-center housing", OUTSOURCING),
  line("email", "E-mail service", OUTSOURCING),
  line("web_hosting", "Web hosting", OUTSOURCING),
  line("online_storage", "Online storage", OUTSOURCING),
  line("cdn", "Content delivery (CDN)", OUTSOURCING),
  line("network_management", "Network management and VPN", OUTSOURCING),
  line("public_cloud", "Public cloud hosting (GIO hosting package)", OUTSOURCING),
  line("si_construction", "Systems construction", "revenue.si.construction"),
  line("si_operation", "Systems operation and maintenance", "revenue.si.operation"),
  line("private_cloud", "Private cloud (GIO component services)", "revenue.si.operation"),
  line("equipment_sales", "Equipment sales", "revenue.equipment"),
  line("atm_operation", "ATM operation (commission per withdrawal)", "revenue.atm"),
]);

const BY_ID = new Map(PRODUCT_LINES.map((l) => [l.id, l]));

export function findProductLine(id: string): ProductLine | undefined {
  return BY_ID.get(id);
}

/** The product line with this id; NOT_FOUND, listing the ids, if there is none. */
export function productLineById(id: string): ProductLine {
  const found = BY_ID.get(id);
  if (!found) {
    throw new UplinkError(
      "NOT_FOUND",
      `There is no product line "${id}"; the lines are ${PRODUCT_LINES.map((l) => l.id).join(", ")}.`,
    );
  }
  return found;
}

/**
 * The lines a selector names: a line id ("ip_service"), or a revenue metric or segment prefix
 * ("revenue.network.wan", "revenue.si") naming every line reported under it.
 */
export function productLinesMatching(selector: string): ProductLine[] {
  const line = BY_ID.get(selector);
  if (line) return [line];
  const lines = PRODUCT_LINES.filter(
    (l) => l.revenueMetric === selector || l.revenueMetric.startsWith(`${selector}.`),
  );
  if (lines.length === 0) productLineById(selector);
  return lines;
}
