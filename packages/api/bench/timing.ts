export interface Timing {
  runs: number;
  median: number;
  p95: number;
}

/** Runs `work` once to warm up, then `runs` times, and summarises in ms. */
export async function time(
  runs: number,
  work: (run: number) => Promise<unknown>,
): Promise<Timing> {
  await work(0);
  const samples: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const start = performance.now();
    await work(run);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;

  return { runs, median: at(0.5), p95: at(0.95) };
}
