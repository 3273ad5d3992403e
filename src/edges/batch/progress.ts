/**
 * Progress of a batch on standard error: a bar with records/s, MB/s, errors and the ETA on a terminal
 * (the ETA and bar only when the input size is known), a plain line every few seconds elsewhere, nothing
 * with --quiet.
 */
import type { Writable } from 'node:stream';
import cliProgress from 'cli-progress';

export type ProgressCounts = { records: number; errors: number; skipped: number; bytes: number };

export type Progress = { update(counts: ProgressCounts): void; stop(): void };

export type ProgressOptions = {
  stream: Writable;
  tty: boolean;
  quiet: boolean;
  /** input bytes in all, when known */
  totalBytes: number | null;
  /** seconds between lines off a terminal */
  intervalSeconds: number;
};

const MB = 1024 * 1024;

/** Starts reporting; call `update` as records are written and `stop` at the end. */
export function startProgress(options: ProgressOptions): Progress {
  if (options.quiet) return { update() {}, stop() {} };
  const started = performance.now();
  let counts: ProgressCounts = { records: 0, errors: 0, skipped: 0, bytes: 0 };
  const rates = () => {
    const seconds = Math.max(1e-3, (performance.now() - started) / 1000);
    return { perSecond: counts.records / seconds, mbPerSecond: counts.bytes / MB / seconds, seconds };
  };
  if (options.tty) {
    const known = options.totalBytes !== null && options.totalBytes > 0;
    const bar = new cliProgress.SingleBar(
      {
        stream: options.stream as unknown as NodeJS.WritableStream,
        format: known
          ? 'slant batch {bar} {percentage}% | {records} records, {rps}/s | {mbps} MB/s | {errors} errors | ETA {etaText}'
          : 'slant batch | {records} records, {rps}/s | {mbps} MB/s | {errors} errors',
        hideCursor: true,
        fps: 5,
        etaBuffer: 100,
        etaAsynchronousUpdate: true,
        clearOnComplete: false,
        barsize: 24,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(known ? (options.totalBytes as number) : 1, 0, { records: 0, rps: '0', mbps: '0.00', errors: 0, etaText: '-' });
    return {
      update(next) {
        counts = next;
        const { perSecond, mbPerSecond, seconds } = rates();
        bar.update(known ? next.bytes : 0, { records: next.records, rps: perSecond.toFixed(0), mbps: mbPerSecond.toFixed(2), errors: next.errors, etaText: eta(next.bytes, options.totalBytes, seconds) });
      },
      stop() {
        bar.stop();
      },
    };
  }
  const line = () => {
    const { perSecond, mbPerSecond, seconds } = rates();
    const total = options.totalBytes;
    let where = '';
    if (total !== null && total > 0) where = `, ${(Math.min(1, counts.bytes / total) * 100).toFixed(0)}%, ETA ${eta(counts.bytes, total, seconds)}`;
    options.stream.write(`slant batch: ${counts.records} records (${perSecond.toFixed(0)}/s, ${mbPerSecond.toFixed(2)} MB/s), ${counts.errors} errors${counts.skipped > 0 ? `, ${counts.skipped} already done` : ''}${where}\n`);
  };
  const timer = setInterval(line, options.intervalSeconds * 1000);
  timer.unref();
  return {
    update(next) {
      counts = next;
    },
    stop() {
      clearInterval(timer);
    },
  };
}

/** Time left at the rate so far, from the input bytes read; `-` until there is a rate. */
function eta(bytes: number, total: number | null, seconds: number): string {
  if (total === null || total <= 0 || bytes <= 0) return '-';
  const share = Math.min(1, bytes / total);
  return formatDuration((seconds / share) * (1 - share));
}

/** `1h02m`, `3m05s`, `42s`. */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole >= 3600) return `${Math.floor(whole / 3600)}h${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`;
  if (whole >= 60) return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
  return `${whole}s`;
}
