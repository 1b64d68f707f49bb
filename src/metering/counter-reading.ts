import type { InputLocation } from "../core/index.js";
import type { CounterReading } from "./counter-rates.js";
import { usageFields } from "./usage-fields.js";

/** A counter reading of one port of one contract. */
export interface PortReading extends CounterReading {
  readonly contractId: string;
  readonly port: string;
}

export const COUNTER_REQUIRED_FIELDS = [
  "contract_id",
  "port",
  "timestamp",
  "in_octets",
  "out_octets",
  "counter_bits",
] as const;
/** `reset`: 1 when the device restarted since the previous reading; `line_rate_bps`: the port's speed. */
export const COUNTER_OPTIONAL_FIELDS = ["reset", "line_rate_bps"] as const;

/** Reads one counter row: octet counters as unsigned integers that fit the counter's width. */
export function counterReadingFromRaw(
  values: Readonly<Record<string, string>>,
  where: InputLocation,
): PortReading {
  const fields = usageFields(values, where);
  const contractId = fields.id("contract_id");
  const port = fields.port("port");
  const at = fields.timestamp("timestamp");
  const counterBits = fields.oneOf("counter_bits", ["32", "64"]) === "32" ? 32 : 64;
  const inOctets = fields.counter("in_octets", counterBits);
  const outOctets = fields.counter("out_octets", counterBits);
  const reset = fields.oneOf("reset", ["0", "1"], "0") === "1";
  const lineRateBps = fields.optionalRate("line_rate_bps");
  if (lineRateBps === 0) fields.fail("line_rate_bps", "A port's line rate cannot be 0.");
  return { contractId, port, at, inOctets, outOctets, counterBits, reset, lineRateBps };
}

/** contract|port: the series a reading belongs to. */
export function portKey(reading: Pick<PortReading, "contractId" | "port">): string {
  return `${reading.contractId}|${reading.port}`;
}
