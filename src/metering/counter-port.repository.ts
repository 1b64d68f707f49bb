import type { Kysely, Transaction } from "kysely";
import type { Database } from "../store/index.js";
import { type PortReading, portKey } from "./counter-reading.js";

/**
 * The latest stored reading of each port named, so that the first reading of a new file has the
 * previous one to make an interval with.
 */
export async function lastReadings(
  db: Kysely<Database>,
  contractIds: Iterable<string>,
): Promise<Map<string, PortReading>> {
  const wanted = [...new Set(contractIds)];
  const readings = new Map<string, PortReading>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom("usage_counter_ports")
      .selectAll()
      .where("contract_id", "in", wanted.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      const reading: PortReading = {
        contractId: row.contract_id,
        port: row.port,
        at: Date.parse(row.read_at),
        inOctets: BigInt(row.in_octets),
        outOctets: BigInt(row.out_octets),
        counterBits: Number(row.counter_bits) === 32 ? 32 : 64,
        reset: false,
        lineRateBps: null,
      };
      readings.set(portKey(reading), reading);
    }
  }
  return readings;
}

/**
 * Keeps each port's latest reading: `latest` holds the newest reading of each port in the batch,
 * `stored` what lastReadings found; an older batch imported later leaves the stored one alone.
 */
export async function saveLastReadings(
  tx: Transaction<Database>,
  latest: readonly (PortReading & { readonly customerId: string })[],
  stored: ReadonlyMap<string, PortReading>,
): Promise<void> {
  const inserts = [];
  for (const reading of latest) {
    const row = {
      customer_id: reading.customerId,
      contract_id: reading.contractId,
      port: reading.port,
      read_at: new Date(reading.at).toISOString(),
      in_octets: reading.inOctets.toString(),
      out_octets: reading.outOctets.toString(),
      counter_bits: reading.counterBits,
    };
    const before = stored.get(portKey(reading));
    if (!before) inserts.push(row);
    else if (before.at < reading.at) {
      await tx
        .updateTable("usage_counter_ports")
        .set(row)
        .where("contract_id", "=", reading.contractId)
        .where("port", "=", reading.port)
        .execute();
    }
  }
  for (let i = 0; i < inserts.length; i += 500) {
    await tx
      .insertInto("usage_counter_ports")
      .values(inserts.slice(i, i + 500))
      .execute();
  }
}
