// Metering: usage as it is measured — 5-minute traffic samples and router octet counters packed
// one row per contract, day and port; the month's 95th percentile by selection over typed arrays;
// ATM withdrawals and cloud usage per day; their idempotent batch writes and CSV imports.
export { type AtmWithdrawal, WITHDRAWAL_FIELDS, withdrawalFromRaw } from "./atm-withdrawal.js";
export {
  atmPlacements,
  monthlyWithdrawals,
  writeWithdrawals,
} from "./atm-withdrawal.repository.js";
export { importWithdrawalFile, readWithdrawalFile } from "./atm-withdrawal-import.js";
export { CLOUD_USAGE_FIELDS, type CloudUsage, cloudUsageFromRaw } from "./cloud-usage.js";
export { monthlyCloudUsage, writeCloudUsage } from "./cloud-usage.repository.js";
export { importCloudUsageFile, readCloudUsageFile } from "./cloud-usage-import.js";
export { contractOwners } from "./contract-owner.repository.js";
export { type CounterImportOutcome, importCounterFile, readCounterFile } from "./counter-import.js";
export {
  type CounterReading,
  DEFAULT_MAX_BPS,
  type DroppedInterval,
  type DropReason,
  MAX_INTERVAL_MS,
  ratesFromCounters,
  type WindowRate,
} from "./counter-rates.js";
export {
  COUNTER_OPTIONAL_FIELDS,
  COUNTER_REQUIRED_FIELDS,
  counterReadingFromRaw,
  type PortReading,
} from "./counter-reading.js";
export type {
  AtmWithdrawalTable,
  CloudUsageTable,
  UsageBatchTable,
  UsageCounterPortTable,
  UsageSampleTable,
} from "./metering.table.js";
export { type MonthlyPercentile, MonthSeries, monthlyPercentileOf } from "./monthly-percentile.js";
export {
  type BurstablePercentile,
  billedOf,
  burstablePercentile,
  burstableRank,
  type DirectionPercentile,
  percentileOf,
  selectInPlace,
} from "./percentile.js";
export {
  blockKey,
  decodeSlots,
  emptyBlock,
  encodeSlots,
  MISSING,
  mergeBlock,
  presentSlots,
  type SampleBlock,
} from "./sample-block.js";
export {
  monthBlocks,
  monthlyPercentile,
  monthlyPercentiles,
  type SampleWriteOutcome,
  writeSampleBatch,
  writeSampleBlocks,
} from "./sample-block.repository.js";
export {
  daysOfMonth,
  isUsageMonth,
  parseUtcTimestamp,
  type SampleWindow,
  SLOTS_PER_DAY,
  WINDOW_SECONDS,
  windowContaining,
  windowStart,
} from "./sample-window.js";
export { type UsageBatch, type UsageKind, usageDigest } from "./usage-batch.js";
export type { UsageImportOutcome } from "./usage-import.js";
export {
  blocksFromSamples,
  SAMPLE_FIELDS,
  sampleFromRaw,
  type UsageSample,
} from "./usage-sample.js";
export { importSampleFile, readSampleFile } from "./usage-sample-import.js";
