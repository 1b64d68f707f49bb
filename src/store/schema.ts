// The whole schema as one type for the query layer. Each feature owns its table's row type (its
// `*.table.ts`); this file only composes them, and the migrations beside it create them.
import type { PlanTable, PriceEntryTable } from "../catalog/catalog.table.js";
import type { ContractEventTable, ContractTable } from "../contracts/contract.table.js";
import type {
  CustomerContactTable,
  CustomerTable,
  GroupCompanyTable,
} from "../customers/customer.table.js";
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
}
