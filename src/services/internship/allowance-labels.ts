/**
 * The catalogue key of an allowance item's label. The ledger page and the Excel statement name the items
 * with the same words: the daily items (intern allowance, host subsidy) under internshipStaff.items, the
 * others (airfare, phone rental) under allowanceLedger.items.
 */
export function allowanceItemLabelKey(item: string): string {
  return item === "intern_allowance" || item === "host_subsidy" ? `internshipStaff.items.${item}` : `allowanceLedger.items.${item}`;
}
