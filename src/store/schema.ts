// The whole schema as one type for the query layer. Each feature owns its table's row type (its
// `*.table.ts`); this file only composes them, and the migrations beside it create them.
import type { ApiTokenTable, AuditLogTable } from "../access/access.table.js";
import type {
  BillingAnomalyTable,
  BillingRunTable,
  FxRateTable,
  InvoiceLineTable,
  InvoiceTable,
  UsagePriceTable,
} from "../billing/billing.table.js";
import type { PlanTable, PriceEntryTable } from "../catalog/catalog.table.js";
import type { ContractEventTable, ContractTable } from "../contracts/contract.table.js";
import type {
  CustomerContactTable,
  CustomerTable,
  GroupCompanyTable,
} from "../customers/customer.table.js";
import type {
  JournalEntryTable,
  JournalLineTable,
  LedgerAccountTable,
  LedgerBalanceTable,
  LedgerClosedMonthTable,
  TranslationRateTable,
} from "../ledger/ledger.table.js";
import type {
  DividendPerShareTable,
  SharesOutstandingTable,
  StockSplitTable,
} from "../ledger/share.table.js";
import type {
  AtmWithdrawalTable,
  CloudUsageTable,
  UsageBatchTable,
  UsageCounterPortTable,
  UsageSampleTable,
} from "../metering/metering.table.js";
import type { AtmTable } from "../operations/atm.table.js";
import type { CostRecordTable } from "../operations/cost-record.table.js";
import type { EquipmentDeliveryTable } from "../operations/equipment-delivery.table.js";
import type { SiProjectProgressTable, SiProjectTable } from "../operations/si-project.table.js";
import type { FactTable } from "../reporting/fact.table.js";
import type { MetaTable } from "./meta.table.js";

export interface Database {
  facts: FactTable;
  uplink_meta: MetaTable;
  group_companies: GroupCompanyTable;
  customers: CustomerTable;
  customer_contacts: CustomerContactTable;
  plans: PlanTable;
  price_entries: PriceEntryTable;
  contracts: ContractTable;
  contract_events: ContractEventTable;
  si_projects: SiProjectTable;
  si_project_progress: SiProjectProgressTable;
  equipment_deliveries: EquipmentDeliveryTable;
  atms: AtmTable;
  cost_records: CostRecordTable;
  usage_samples: UsageSampleTable;
  usage_batches: UsageBatchTable;
  usage_counter_ports: UsageCounterPortTable;
  atm_withdrawals: AtmWithdrawalTable;
  cloud_usage: CloudUsageTable;
  billing_runs: BillingRunTable;
  invoices: InvoiceTable;
  invoice_lines: InvoiceLineTable;
  billing_anomalies: BillingAnomalyTable;
  fx_rates: FxRateTable;
  usage_prices: UsagePriceTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  ledger_accounts: LedgerAccountTable;
  journal_entries: JournalEntryTable;
  journal_lines: JournalLineTable;
  ledger_balances: LedgerBalanceTable;
  ledger_closed_months: LedgerClosedMonthTable;
  translation_rates: TranslationRateTable;
  shares_outstanding: SharesOutstandingTable;
  stock_splits: StockSplitTable;
  dividends_per_share: DividendPerShareTable;
}
