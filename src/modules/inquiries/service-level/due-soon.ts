/**
 * When a running deadline turns "due soon": once less than `shareOfBudget` of its budget is left, but never
 * earlier than `atMostMinutes` business minutes before it. A share scales with the budget (a 1-hour first
 * answer warns 12 minutes ahead, not from the start as a fixed hour would); the cap keeps a long budget from
 * glowing amber for days, which teaches a team to ignore the colour.
 */
export type DueSoonRule = { shareOfBudget: number; atMostMinutes: number };

/** 20 % of the budget, at most an 8-hour working day: 96 minutes of an 8-hour first answer, 8 hours of 40. */
export const DEFAULT_DUE_SOON_RULE: DueSoonRule = { shareOfBudget: 0.2, atMostMinutes: 480 };

/** The business minutes left under which a deadline of this budget is due soon. */
export const dueSoonThresholdMinutes = (budgetMinutes: number, rule: DueSoonRule = DEFAULT_DUE_SOON_RULE) =>
  Math.min(budgetMinutes * rule.shareOfBudget, rule.atMostMinutes);
