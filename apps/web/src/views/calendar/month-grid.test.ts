import { describe, expect, it } from 'vitest';
import { addMonths, dayOf, monthGrid, todayIn } from './month-grid';

describe('month grid', () => {
  it('shows whole weeks from Monday to Sunday around the month', () => {
    const grid = monthGrid('2026-11');
    expect(grid.days[0]).toBe('2026-10-26'); // the Monday before Sunday 1 November
    expect(grid.days.at(-1)).toBe('2026-12-06');
    expect(grid.days).toHaveLength(42);
    expect(grid.days).toContain('2026-11-30');
  });

  it('needs only four weeks for a February that starts on a Monday', () => {
    expect(monthGrid('2027-02').days).toHaveLength(28);
  });

  it('moves across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('reads the day of an instant in the base’s zone', () => {
    expect(dayOf('2026-11-25T20:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-26');
    expect(dayOf('2026-11-25T20:00:00.000Z', 'UTC')).toBe('2026-11-25');
    expect(dayOf('2026-11-25', 'Asia/Shanghai')).toBe('2026-11-25');
    expect(dayOf(null, 'UTC')).toBeUndefined();
    expect(todayIn('Asia/Shanghai', new Date('2026-11-25T20:00:00Z'))).toBe('2026-11-26');
  });
});
