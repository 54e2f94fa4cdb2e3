/**
 * The tables the equipment module owns (migration 2026_12_07_1800_equipment). Days ISO text,
 * instants ISO-8601 UTC, booleans 0/1, amounts in integer cents.
 */
export interface EquipmentTables {
  equipment_asset: {
    id: string;
    asset_tag: string;
    type: string;
    model: string;
    serial: string | null;
    status: string;
    /** `stock`, `desk`, `home` or `carrier` (see contract.ts' ASSET_LOCATIONS). */
    location: string;
    site: string | null;
    desk: string | null;
    holder_id: string | null;
    /** The request the unit is reserved for or was handed over on. */
    request_id: string | null;
    created_at: string;
    updated_at: string;
    version: number;
  };
  /** Every move of an asset, in order: its history. */
  equipment_asset_move: {
    id: string;
    asset_id: string;
    at: string;
    actor_id: string | null;
    kind: string;
    from_status: string | null;
    to_status: string;
    location: string;
    site: string | null;
    desk: string | null;
    holder_id: string | null;
    request_id: string | null;
    delivery_id: string | null;
    note: string | null;
  };
  equipment_profile: {
    id: string;
    name_fr: string;
    name_nl: string;
    name_en: string;
    created_at: string;
    updated_at: string;
  };
  /** Which profile a function (telework's function codes) gets. */
  equipment_profile_function: { function_code: string; profile_id: string };
  equipment_profile_item: { profile_id: string; type: string; mode: string };
  equipment_type_policy: {
    type: string;
    manager_approval: number;
    contribution_cap_cents: number | null;
    contribution_period_months: number | null;
    low_stock_threshold: number | null;
    updated_at: string;
    updated_by: string | null;
  };
  equipment_request: {
    id: string;
    person_id: string;
    type: string;
    kind: string;
    status: string;
    delivery: string | null;
    site: string | null;
    address: string | null;
    reason: string | null;
    kit_id: string | null;
    due_on: string | null;
    amount_cents: number | null;
    receipt_name: string | null;
    receipt_type: string | null;
    receipt: Buffer | null;
    asset_id: string | null;
    decided_by: string | null;
    decided_at: string | null;
    refusal_reason: string | null;
    created_by: string | null;
    created_at: string;
    updated_at: string;
    version: number;
  };
  equipment_delivery: {
    id: string;
    person_id: string;
    mode: string;
    address: string | null;
    site: string | null;
    carrier: string | null;
    carrier_ref: string | null;
    status: string;
    shipped_at: string | null;
    delivered_at: string | null;
    signed_for_on: string | null;
    returned_at: string | null;
    created_by: string | null;
    created_at: string;
    updated_at: string;
  };
  equipment_delivery_item: { delivery_id: string; request_id: string; asset_id: string };
  equipment_acceptance: {
    id: string;
    person_id: string;
    delivery_id: string | null;
    accepted_at: string;
    /** JSON, frozen as received: `[{ "asset_tag", "type", "model", "serial" }, …]`. */
    items: string;
    digest: string;
  };
  /** Units a person gave back, registered together; their receipt (migration 2026_12_07_1830). */
  equipment_return: {
    id: string;
    person_id: string;
    site: string;
    returned_on: string;
    reason: string | null;
    /** JSON, frozen: `[{ "asset_tag", "type", "model", "serial" }, …]`. */
    items: string;
    digest: string;
    created_by: string | null;
    created_at: string;
  };
}

export type AssetRow = EquipmentTables['equipment_asset'];
export type AssetMoveRow = EquipmentTables['equipment_asset_move'];
export type ProfileRow = EquipmentTables['equipment_profile'];
export type TypePolicyRow = EquipmentTables['equipment_type_policy'];
export type RequestRow = EquipmentTables['equipment_request'];
export type DeliveryRow = EquipmentTables['equipment_delivery'];
export type AcceptanceRow = EquipmentTables['equipment_acceptance'];
export type ReturnRow = EquipmentTables['equipment_return'];
export type DeliveryItemRow = EquipmentTables['equipment_delivery_item'];
