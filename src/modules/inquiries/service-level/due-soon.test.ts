import { describe, expect, it } from 'vitest';
import { dueSoonThresholdMinutes } from './due-soon.js';

describe('dueSoonThresholdMinutes', () => {
  it('warns when a fifth of the budget is left', () => {
    expect(dueSoonThresholdMinutes(480)).toBe(96);
    expect(dueSoonThresholdMinutes(60)).toBe(12);
    expect(dueSoonThresholdMinutes(2400)).toBe(480);
  });
  it('never earlier than one working day ahead, however long the budget', () => {
    expect(dueSoonThresholdMinutes(6000)).toBe(480);
  });
  it('follows another rule when given one', () => {
    expect(dueSoonThresholdMinutes(480, { shareOfBudget: 0.5, atMostMinutes: 60 })).toBe(60);
    expect(dueSoonThresholdMinutes(480, { shareOfBudget: 0, atMostMinutes: 60 })).toBe(0);
  });
});
