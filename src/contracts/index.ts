// Service contracts: the lifecycle ordered → active → changed → cancelled kept as an append-only
// event history, the pure fold that gives a contract's state on any date, the contracted-bandwidth
// KPIs, the contracts import and the look-ups. (SI projects live in operations.)

export {
  type ContractFilter,
  type ContractHistory,
  type ContractHistoryFilter,
  contractedBandwidthAt,
  contractedBandwidthAtQuarterEnds,
  contractedBandwidthOn,
  contractsOfCustomer,
  findContractHistory,
  insertContractEvents,
  listContracts,
  loadContractHistories,
} from "./contract.repository.js";
export type { ContractEventTable, ContractTable } from "./contract.table.js";
export type { ContractEvent, ContractEventKind, RawContractEvent } from "./contract-event.js";
export {
  CONTRACT_EVENT_FIELDS,
  CONTRACT_EVENT_KINDS,
  compareContractEvents,
  contractEventFromRaw,
  contractEventKey,
} from "./contract-event.js";
export type { ContractState, ContractStatus, HistoryProblem } from "./contract-history.js";
export {
  CONTRACT_STATUSES,
  contractHistoryProblem,
  contractStateOn,
  latestContractState,
} from "./contract-history.js";
export {
  type ContractImportOutcome,
  importContractFile,
  readContractFile,
} from "./contract-import.js";
export {
  type ContractedBandwidth,
  contractedBandwidth,
  ONE_GBPS_IN_MBPS,
} from "./contracted-bandwidth.js";
