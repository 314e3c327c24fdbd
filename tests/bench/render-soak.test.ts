import { describe, expect, it } from 'vitest';
import { slopeOf, summariseMemory } from '../../bench/render-soak.js';

const MB = 2 ** 20;

describe('the soak memory summary', () => {
  it('fits the slope of a straight line exactly and gives 0 for flat or single samples', () => {
    expect(slopeOf([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])).toBeCloseTo(2);
    expect(slopeOf([{ x: 0, y: 4 }, { x: 5, y: 4 }])).toBe(0);
    expect(slopeOf([{ x: 1, y: 9 }])).toBe(0);
  });

  it('leaves the warm-up out: growth and slope are of the samples after it', () => {
    // RSS climbs fast in the first minute (caches filling), then grows 1 MB every 10 s.
    const samples = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90].map((atS) => ({ atS, rssBytes: (atS < 60 ? 100 + atS * 2 : 300 + (atS - 60) / 10) * MB, heapUsedBytes: 50 * MB }));
    const m = summariseMemory(samples, 60);
    expect(m.samples).toBe(4);
    expect(m.firstRssMb).toBe(300);
    expect(m.lastRssMb).toBe(303);
    expect(m.growth).toBeCloseTo(0.01);
    expect(m.rssSlopeMbPerHour).toBeCloseTo(360);
    expect(m.heapSlopeMbPerHour).toBe(0);
    // One sample in each third: 300 → 303 MB.
    expect(m.medianGrowth).toBeCloseTo(0.01);
    expect(m.heapFloorFirstHalfMb).toBe(50);
  });
});
