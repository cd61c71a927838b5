/**
 * CPU time of one run, for the parse and hostile-shape rows. CPU, not wall time: on a
 * shared machine other processes stretch wall time, not this process's CPU. All of the
 * process's threads count, so garbage collection does too; for that to be charged to the
 * run that made the garbage, the heap is collected before each run when node exposes the
 * collector (`npm run bench` passes --expose-gc). Without it, a run that follows one that
 * built a million rows pays for collecting them.
 */
const collect = (globalThis as { gc?: () => void }).gc;

/** CPU ms `run` takes, from a freshly collected heap where possible. */
export function cpuMs(run: () => void): number {
  collect?.();
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
