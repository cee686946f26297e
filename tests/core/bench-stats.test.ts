import { describe, expect, it } from 'vitest';
import { median, percentile } from '../../scripts/bench-stats';

describe('the bench’s percentiles (nearest rank)', () => {
  const twenty = Array.from({ length: 20 }, (_, i) => 20 - i); // 20, 19, … 1

  it('are the smallest value with at least p % of the values at or below it', () => {
    expect(percentile(twenty, 95)).toBe(19);
    expect(percentile(twenty, 100)).toBe(20);
    expect(percentile(twenty, 50)).toBe(10);
    expect(percentile(twenty, 1)).toBe(1);
    expect(percentile([3, 1, 2], 95)).toBe(3);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2);
  });
});
