/** Row type of `uplink_meta`: one application setting per key. */
export interface MetaTable {
  key: string;
  value: string;
}
