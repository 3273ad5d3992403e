/**
 * The service's report cache: the JSON of recent reports by a hash of their input, so that an article asked
 * for again (a page reloaded, a client polling, the same story from several readers) is answered without an
 * analysis. Analysis is deterministic in a process (same input, same lexicons, same report), so a cached
 * report is the report. Bounded by entries and by bytes, least recently used first out; identical requests
 * that arrive while the first is still being analysed share its analysis. Each report carries an ETag for
 * `If-None-Match`: the input's key under a tag of this cache, drawn at random when it is made. Equal input gives
 * byte-identical reports in one process, so the tag is strong there; another process (a restart, another
 * instance) gives other tags, whose clients then get the report again rather than a wrong 304. Hashing the
 * report's bytes instead would cost the main thread ~0.1-0.2 ms per 35 KB report.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ANALYZER_VERSION } from '../../core/version.ts';
import type { ReportJson } from './analysis.ts';

export type ReportCacheOptions = {
  /** reports kept; 0 turns the cache off */
  maxEntries: number;
  /** bytes of report JSON kept, all entries together; a report larger than this is never kept */
  maxBytes: number;
};

/** A report as the cache holds it: its JSON, its ETag (quoted, as the header carries it) and its size. */
export type CachedReport = { readonly json: ReportJson; readonly etag: string; readonly bytes: number };

export type ReportCache = {
  /** the report for `key`, from the cache or from `analyze` (whose result is kept); rejects as `analyze` does, and a failure is not kept */
  get(key: string, analyze: () => Promise<ReportJson>): Promise<CachedReport & { readonly hit: boolean }>;
  /** reports and bytes kept now */
  readonly entries: number;
  readonly bytes: number;
};

/** Defaults of the server's cache (SLANT_REPORT_CACHE_ENTRIES, SLANT_REPORT_CACHE_MB): a 5 KB article's report is about 30 KB. */
export const REPORT_CACHE_DEFAULTS: ReportCacheOptions = { maxEntries: 1000, maxBytes: 64 * 1024 * 1024 };

/** A cache of at most `maxEntries` reports and `maxBytes` bytes of JSON. */
export function createReportCache(options: ReportCacheOptions): ReportCache {
  const kept = new Map<string, CachedReport>();
  const running = new Map<string, Promise<CachedReport>>();
  const tag = randomBytes(6).toString('base64url');
  let bytes = 0;
  const keep = (key: string, report: CachedReport) => {
    if (report.bytes > options.maxBytes || options.maxEntries === 0) return;
    kept.set(key, report);
    bytes += report.bytes;
    // A Map iterates in insertion order, and a hit is re-inserted: the first key is the least recently used.
    for (const [oldest, old] of kept) {
      if (kept.size <= options.maxEntries && bytes <= options.maxBytes) break;
      kept.delete(oldest);
      bytes -= old.bytes;
    }
  };
  return {
    async get(key, analyze) {
      const cached = kept.get(key);
      if (cached !== undefined) {
        // Now the most recently used.
        kept.delete(key);
        kept.set(key, cached);
        return { ...cached, hit: true };
      }
      let pending = running.get(key);
      if (pending === undefined) {
        pending = analyze().then((json) => {
          const report = { json, etag: `"${tag}.${key.slice(0, 32)}"`, bytes: typeof json === 'string' ? Buffer.byteLength(json) : json.byteLength };
          keep(key, report);
          return report;
        });
        running.set(key, pending);
        const done = () => running.delete(key);
        pending.then(done, done);
        return { ...(await pending), hit: false };
      }
      // Another request for the same article is being analysed: its report serves this one too.
      return { ...(await pending), hit: true };
    },
    get entries() {
      return kept.size;
    },
    get bytes() {
      return bytes;
    },
  };
}

/**
 * The cache key of an analysis input: a SHA-256 over its fields in name order (text, page bytes, id, title,
 * url, outlet, sides: everything the report depends on) and the analyzer's version.
 */
export function reportCacheKey(input: Readonly<Record<string, unknown>>): string {
  const hash = createHash('sha256').update(ANALYZER_VERSION).update('\0');
  for (const name of Object.keys(input).sort()) {
    const value = input[name];
    if (value === undefined) continue;
    // Each value is preceded by its name, kind and length, so no two inputs give the same stream of bytes;
    // bytes and text are told apart, so a page given as bytes never meets the same page as a string.
    const bytes = value instanceof Uint8Array ? value : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
    hash.update(`${name}\0${value instanceof Uint8Array ? 'b' : typeof value === 'string' ? 's' : 'j'}${bytes.byteLength}\0`).update(bytes);
  }
  return hash.digest('hex');
}
