import type { Kysely, Transaction } from "kysely";
import { listPlans, PRODUCT_LINES, STANDARD_PRICE_BOOK } from "../catalog/index.js";
import {
  APRIL_FISCAL_YEAR,
  type Currency,
  type FiscalCalendar,
  type FiscalPeriod,
  formatPeriod,
  money,
  periodEnd,
  subPeriods,
  UplinkError,
} from "../core/index.js";
import { bigintFromColumn, type Database } from "../store/index.js";
import type { ContractEventTable, ContractTable } from "./contract.table.js";
import {
  type ContractEvent,
  type ContractEventKind,
  compareContractEvents,
} from "./contract-event.js";
import {
  type ContractState,
  type ContractStatus,
  contractStateOn,
  latestContractState,
} from "./contract-history.js";
import { type ContractedBandwidth, contractedBandwidth } from "./contracted-bandwidth.js";

/** A contract's fixed terms and its whole event history, in history order. */
export interface ContractHistory {
  readonly contractId: string;
  readonly customerId: string;
  readonly planId: string;
  readonly priceBookId: string;
  readonly events: readonly ContractEvent[];
}

export interface ContractHistoryFilter {
  readonly customerId?: string | undefined;
  readonly planIds?: readonly string[] | undefined;
  readonly contractIds?: readonly string[] | undefined;
}

export interface ContractFilter {
  readonly customerId?: string | undefined;
  /** Only contracts whose plan is in one of these product lines. */
  readonly lineIds?: readonly string[] | undefined;
  readonly status?: ContractStatus | undefined;
  /** The date to fold the histories to; without it, the state after every recorded event. */
  readonly on?: string | undefined;
  readonly limit?: number | undefined;
}

// Rows per statement, below both stores' bound-parameter limits for these column counts.
const BATCH = 1000;

/**
 * Writes contract events inside the caller's transaction, in batches, for imports and for bulk
 * builders (tens of thousands at a time). Each `ordered` event also writes its contract (customer,
 * plan, price book); other events must belong to a contract that is stored or ordered in the same
 * call. The events are taken as valid: check them with `contractHistoryProblem` first.
 */
export async function insertContractEvents(
  tx: Transaction<Database>,
  events: readonly ContractEvent[],
): Promise<void> {
  const contracts: ContractTable[] = events
    .filter((e) => e.kind === "ordered")
    .map((e) => {
      if (e.planId === null) {
        throw new UplinkError("INVALID_INPUT", `The order of ${e.contractId} names no plan.`);
      }
      return {
        id: e.contractId,
        customer_id: e.customerId,
        plan_id: e.planId,
        price_book_id: e.priceBookId ?? STANDARD_PRICE_BOOK,
      };
    });
  for (let i = 0; i < contracts.length; i += BATCH) {
    await tx
      .insertInto("contracts")
      .values(contracts.slice(i, i + BATCH))
      .execute();
  }
  for (let i = 0; i < events.length; i += BATCH) {
    await tx
      .insertInto("contract_events")
      .values(events.slice(i, i + BATCH).map(rowFromEvent))
      .execute();
  }
}

/** Contracts with their histories, in contract id order. */
export async function loadContractHistories(
  db: Kysely<Database>,
  filter: ContractHistoryFilter = {},
): Promise<ContractHistory[]> {
  const chunks =
    filter.contractIds === undefined ? [undefined] : chunk([...new Set(filter.contractIds)], BATCH);
  const histories = new Map<string, { header: ContractTable; events: ContractEvent[] }>();
  for (const ids of chunks) {
    if (ids?.length === 0) continue;
    let query = db
      .selectFrom("contract_events as e")
      .innerJoin("contracts as c", "c.id", "e.contract_id")
      .selectAll("e")
      .select(["c.plan_id", "c.price_book_id"]);
    if (ids) query = query.where("c.id", "in", ids);
    if (filter.customerId) query = query.where("c.customer_id", "=", filter.customerId);
    if (filter.planIds) {
      if (filter.planIds.length === 0) return [];
      query = query.where("c.plan_id", "in", [...filter.planIds]);
    }
    for (const row of await query.execute()) {
      let history = histories.get(row.contract_id);
      if (!history) {
        history = {
          header: {
            id: row.contract_id,
            customer_id: row.customer_id,
            plan_id: row.plan_id,
            price_book_id: row.price_book_id,
          },
          events: [],
        };
        histories.set(row.contract_id, history);
      }
      history.events.push(eventFromRow(row, row.plan_id, row.price_book_id));
    }
  }
  return [...histories.values()]
    .sort((a, b) => (a.header.id < b.header.id ? -1 : a.header.id > b.header.id ? 1 : 0))
    .map(({ header, events }) => ({
      contractId: header.id,
      customerId: header.customer_id,
      planId: header.plan_id,
      priceBookId: header.price_book_id,
      events: events.sort(compareContractEvents),
    }));
}

/** One contract with its history; NOT_FOUND if there is none. */
export async function findContractHistory(
  db: Kysely<Database>,
  contractId: string,
): Promise<ContractHistory> {
  const [history] = await loadContractHistories(db, { contractIds: [contractId] });
  if (!history) throw new UplinkError("NOT_FOUND", `There is no contract "${contractId}".`);
  return history;
}

/**
 * Contracts as they stand on `filter.on` (or after every recorded event), filtered by customer,
 * product line and status, in contract id order. Contracts not yet ordered on the date are left out.
 */
export async function listContracts(
  db: Kysely<Database>,
  filter: ContractFilter = {},
): Promise<ContractState[]> {
  const planIds = filter.lineIds
    ? (await listPlans(db, { lineIds: filter.lineIds })).map((p) => p.id)
    : undefined;
  const histories = await loadContractHistories(db, { customerId: filter.customerId, planIds });
  const states: ContractState[] = [];
  for (const history of histories) {
    const state =
      filter.on === undefined
        ? latestContractState(history.events)
        : contractStateOn(history.events, filter.on);
    if (!state || (filter.status && state.status !== filter.status)) continue;
    states.push(state);
    if (filter.limit !== undefined && states.length >= filter.limit) break;
  }
  return states;
}

/** The contracts of one customer as they stand on a date (or after every recorded event). */
export async function contractsOfCustomer(
  db: Kysely<Database>,
  customerId: string,
  on?: string,
): Promise<ContractState[]> {
  return listContracts(db, { customerId, on });
}

/**
 * The contracted-bandwidth KPIs on each date: reads the histories of the bandwidth-counted
 * contracts once and folds them to every date.
 */
export async function contractedBandwidthAt(
  db: Kysely<Database>,
  dates: readonly string[],
): Promise<ContractedBandwidth[]> {
  const lines = PRODUCT_LINES.filter((l) => l.countsTowardBandwidth).map((l) => l.id);
  const planIds = (await listPlans(db, { lineIds: lines })).map((p) => p.id);
  const histories = (await loadContractHistories(db, { planIds })).map((h) => h.events);
  // Every loaded contract counts: the plans were chosen by line already.
  return dates.map((date) => contractedBandwidth(histories, () => true, date));
}

export async function contractedBandwidthOn(
  db: Kysely<Database>,
  date: string,
): Promise<ContractedBandwidth> {
  const [result] = await contractedBandwidthAt(db, [date]);
  return result!;
}

/** The KPIs at each fiscal quarter end within a period (a quarter gives one, a year four). */
export async function contractedBandwidthAtQuarterEnds(
  db: Kysely<Database>,
  period: FiscalPeriod,
  calendar: FiscalCalendar = APRIL_FISCAL_YEAR,
): Promise<(ContractedBandwidth & { readonly period: string })[]> {
  const quarters = period.kind === "quarter" ? [period] : quartersOf(period, calendar);
  const results = await contractedBandwidthAt(
    db,
    quarters.map((q) => periodEnd(q, calendar)),
  );
  return results.map((result, i) => ({ ...result, period: formatPeriod(quarters[i]!, calendar) }));
}

function quartersOf(period: FiscalPeriod, calendar: FiscalCalendar): FiscalPeriod[] {
  if (period.kind === "month") {
    throw new UplinkError(
      "INVALID_PERIOD",
      `A month has no quarter end of its own; give a quarter, half or year, or a date (${periodEnd(period, calendar)}).`,
    );
  }
  return subPeriods(period, "quarter");
}

function rowFromEvent(event: ContractEvent): ContractEventTable {
  return {
    customer_id: event.customerId,
    contract_id: event.contractId,
    effective_date: event.effectiveDate,
    event: event.kind,
    bandwidth_mbps: event.bandwidthMbps,
    quantity: event.quantity,
    monthly_fee: event.monthlyFee?.amount ?? null,
    currency: event.monthlyFee?.currency ?? null,
    note: event.note,
  };
}

function eventFromRow(row: ContractEventTable, planId: string, priceBookId: string): ContractEvent {
  const kind = row.event as ContractEventKind;
  return {
    contractId: row.contract_id,
    customerId: row.customer_id,
    kind,
    effectiveDate: row.effective_date,
    planId: kind === "ordered" ? planId : null,
    priceBookId: kind === "ordered" ? priceBookId : null,
    bandwidthMbps: row.bandwidth_mbps === null ? null : Number(row.bandwidth_mbps),
    quantity: row.quantity === null ? null : Number(row.quantity),
    monthlyFee:
      row.monthly_fee === null
        ? null
        : money(bigintFromColumn(row.monthly_fee), (row.currency ?? "JPY") as Currency),
    note: row.note,
  };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
