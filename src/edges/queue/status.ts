/** `slant queue status`: how many chunks wait, run, are done (results not yet collected) or failed, and which workers are connected. */
import type { Queue } from 'bullmq';

export type QueueStatus = {
  waiting: number;
  active: number;
  /** finished, results waiting for their producer to write and remove them */
  done: number;
  failed: number;
  /** waiting to be retried */
  delayed: number;
  /** connected workers (host:pid), with seconds connected */
  workers: { name: string; seconds: number }[];
};

/** Reads the counts and the connected workers of `queue`. */
export async function queueStatus(queue: Queue): Promise<QueueStatus> {
  const counts = await queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized');
  const clients = await queue.getWorkers();
  // A worker holds several connections (one blocks waiting for jobs): one row per name.
  const workers = new Map<string, number>();
  for (const client of clients) {
    // BullMQ names a worker's connections <prefix>:<queue>:w:<the worker's name> (host:pid here).
    const raw = client.rawname ?? client.name ?? '?';
    const name = raw.includes(':w:') ? raw.slice(raw.indexOf(':w:') + 3) : raw;
    workers.set(name, Math.max(workers.get(name) ?? 0, Number(client.age ?? 0)));
  }
  return {
    waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
    active: counts.active ?? 0,
    done: counts.completed ?? 0,
    failed: counts.failed ?? 0,
    delayed: counts.delayed ?? 0,
    workers: [...workers].map(([name, seconds]) => ({ name, seconds })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

/** The status as lines for people. */
export function renderQueueStatus(status: QueueStatus, label: string): string {
  const rows = [
    ['waiting', status.waiting, 'chunks not yet taken by a worker'],
    ['active', status.active, 'chunks being analysed'],
    ['done', status.done, 'chunks finished, results waiting for their producer'],
    ['failed', status.failed, 'chunks refused or given up on'],
    ['delayed', status.delayed, 'chunks waiting to be tried again'],
  ] as const;
  const lines = [`queue at ${label}`, ...rows.map(([name, count, meaning]) => `  ${name.padEnd(8)} ${String(count).padStart(7)}  ${meaning}`)];
  lines.push(`workers seen: ${status.workers.length}`);
  for (const worker of status.workers) lines.push(`  ${worker.name}  connected for ${worker.seconds} s`);
  return `${lines.join('\n')}\n`;
}
