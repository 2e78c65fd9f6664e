export interface Timing {
  runs: number;
  median: number;
  p95: number;
}

/** Like `time` for two pieces of work, taking turns run by run. */
export async function timePair(
  runs: number,
  first: () => Promise<unknown>,
  second: () => Promise<unknown>,
): Promise<[Timing, Timing]> {
  const samples: [number[], number[]] = [[], []];
  for (let run = 0; run <= runs; run += 1) {
    for (const [index, work] of [first, second].entries()) {
      const start = performance.now();
      await work();
      // Run 0 warms up.
      if (run > 0) {
        samples[index]!.push(performance.now() - start);
      }
    }
  }

  return [summarise(runs, samples[0]), summarise(runs, samples[1])];
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

  return summarise(runs, samples);
}

function summarise(runs: number, samples: number[]): Timing {
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;

  return { runs, median: at(0.5), p95: at(0.95) };
}
