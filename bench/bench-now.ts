/** "Today" for every engine of the benchmark, so relative dates never move. */
export const BENCH_NOW = new Date('2025-06-01T12:00:00Z');
