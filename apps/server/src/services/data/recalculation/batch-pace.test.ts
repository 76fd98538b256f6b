import { describe, expect, it } from 'vitest';
import { maxFillBatchSize, nextBatchSize } from './batch-pace';

const pace = { initial: 1_000, budgetMs: 100 };

describe('fill batch pace', () => {
  it('grows a batch quicker than the budget, at most twofold', () => {
    expect(nextBatchSize(pace, 1_000, 80)).toBe(1_250);
    expect(nextBatchSize(pace, 1_000, 10)).toBe(2_000);
    expect(nextBatchSize(pace, 1_000, 0)).toBe(2_000);
  });

  it('shrinks a batch slower than the budget, at most to a quarter, never below one record', () => {
    expect(nextBatchSize(pace, 1_000, 200)).toBe(500);
    expect(nextBatchSize(pace, 1_000, 10_000)).toBe(250);
    expect(nextBatchSize(pace, 2, 10_000)).toBe(1);
  });

  it('never holds more than the largest batch, unless the configured first batch is larger', () => {
    expect(nextBatchSize(pace, maxFillBatchSize, 1)).toBe(maxFillBatchSize);
    expect(nextBatchSize({ initial: 80_000, budgetMs: 100 }, 80_000, 1)).toBe(80_000);
  });

  it('keeps every batch at the configured size when there is no budget', () => {
    expect(nextBatchSize({ initial: 25, budgetMs: 0 }, 25, 1)).toBe(25);
    expect(nextBatchSize({ initial: 25, budgetMs: 0 }, 25, 10_000)).toBe(25);
  });
});
