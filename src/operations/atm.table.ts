/** Row type of ATMs, as the query layer sees it. */
export interface AtmTable {
  id: string;
  location: string;
  placed_on: string;
  removed_on: string | null;
  group_company_id: string;
}
