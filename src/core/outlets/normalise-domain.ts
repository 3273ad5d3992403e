/**
 * From whatever a user pastes (a URL, a host, a bare domain) to the keys the tables use: the host without
 * presentation prefixes (`www.`, `m.`, `amp.`), its registrable domain (public-suffix aware, via tldts:
 * `bbc.co.uk`, not `co.uk`) and the URL path. Mirrors that wrap another site's URL (the AMP cache, Google's
 * AMP viewer, Google Translate's proxy, the Wayback Machine) are unwrapped first.
 */
import { parse } from 'tldts';

export type NormalisedDomain = {
  /** lower case, no trailing dot, no `www.`/`m.`/`amp.` prefix */
  host: string;
  /** the registrable domain of `host` */
  domain: string;
  /** URL path (`/` when none), as written */
  path: string;
  /** the mirror the address was unwrapped from (`web.archive.org`), when it was one */
  mirror?: string;
};

// Labels that select a presentation of the same site, never another outlet. `edition.` (CNN) and other
// edition labels are kept in `host`: lookups walk up to the listed parent anyway.
const PRESENTATION_LABELS = /^(?:www\d?|m|mobile|amp|wap)$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const MAX_INPUT = 4096;

// Every cited outlet's card normalises its host again: the same few hundred hosts, each a URL parse and a
// public-suffix lookup. Results are kept (a copy is handed out, so callers may change theirs).
const MAX_REMEMBERED = 4096;
const remembered = new Map<string, NormalisedDomain | null>();

/** Normalises a URL, host or domain; null when it names no public host (garbage, an IP, `localhost`). */
export function normaliseDomain(input: string): NormalisedDomain | null {
  let result = remembered.get(input);
  if (result === undefined) {
    result = normaliseAt(input, 0);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(input, result);
  }
  return result === null ? null : { ...result };
}

/**
 * normaliseDomain(input) as one string for a table to keep: `host domain`, '' for null; undefined when the
 * address holds more than a host and its domain (a path, a mirror), which only normaliseDomain gives back.
 */
export function packedAddress(input: string): string | undefined {
  const address = normaliseDomain(input);
  if (address === null) return '';
  if (address.path !== '/' || address.mirror !== undefined || address.host.includes(' ') || address.domain.includes(' ')) return undefined;
  return `${address.host} ${address.domain}`;
}

/** The address packedAddress packed, as normaliseDomain gave it (a new object each call). */
export function unpackedAddress(packed: string): NormalisedDomain | null {
  if (packed === '') return null;
  const space = packed.indexOf(' ');
  return { host: packed.slice(0, space), domain: packed.slice(space + 1), path: '/' };
}

function normaliseAt(input: string, depth: number): NormalisedDomain | null {
  const trimmed = input.trim();
  if (trimmed === '' || trimmed.length > MAX_INPUT || /\s/.test(trimmed)) return null;
  const url = toUrl(trimmed);
  if (url === null) return null;
  const rawHost = url.hostname.toLowerCase().replace(/\.+$/, '');
  const parsed = parse(rawHost);
  if (parsed.isIp || parsed.domain === null || parsed.hostname === null || !(parsed.isIcann ?? false)) return null;
  const domain = parsed.domain;
  const path = url.pathname === '' ? '/' : url.pathname;
  if (depth === 0) {
    const inner = unwrapMirror(rawHost, domain, path);
    if (inner !== null) {
      const unwrapped = normaliseAt(inner, depth + 1);
      if (unwrapped !== null) return { ...unwrapped, mirror: mirrorName(rawHost, domain) };
    }
  }
  return { host: stripPresentation(parsed.hostname, domain), domain, path };
}

function toUrl(input: string): URL | null {
  const withScheme = SCHEME.test(input) ? input : input.startsWith('//') ? `http:${input}` : `http://${input}`;
  try {
    const url = new URL(withScheme);
    return url.hostname === '' ? null : url;
  } catch {
    return null;
  }
}

function stripPresentation(host: string, domain: string): string {
  let rest = host;
  while (rest.length > domain.length) {
    const dot = rest.indexOf('.');
    if (dot < 0 || !PRESENTATION_LABELS.test(rest.slice(0, dot))) break;
    rest = rest.slice(dot + 1);
  }
  return rest;
}

function mirrorName(host: string, domain: string): string {
  return domain === 'ampproject.org' ? 'cdn.ampproject.org' : domain === 'translate.goog' ? 'translate.goog' : host;
}

// The address a mirror shows, as a URL or host, or null when `host` is not a mirror we know.
function unwrapMirror(host: string, domain: string, path: string): string | null {
  if (domain === 'ampproject.org') {
    // https://www-presstv-ir.cdn.ampproject.org/c/s/www.presstv.ir/Detail/... (s = https)
    const match = /^\/(?:[cvi]\/)(?:s\/)?([^/]+)(\/.*)?$/.exec(path);
    return match ? `${match[1] as string}${match[2] ?? '/'}` : null;
  }
  if (domain === 'google.com' || domain === 'google.co.uk') {
    const match = /^\/amp\/(?:s\/)?([^/]+)(\/.*)?$/.exec(path);
    return match ? `${match[1] as string}${match[2] ?? '/'}` : null;
  }
  if (domain === 'translate.goog') {
    // www-presstv-ir.translate.goog: "-" stands for ".", "--" for "-"
    const label = host.slice(0, host.length - domain.length - 1);
    if (label === '' || label.includes('.')) return null;
    return `${label.replace(/--/g, '\u0000').replace(/-/g, '.').replace(/\u0000/g, '-')}${path}`;
  }
  if (host === 'web.archive.org' || host === 'wayback.archive.org') {
    // /web/20211207000000/https://www.presstv.ir/... (the "//" is sometimes collapsed to "/")
    const match = /^\/web\/\d{1,14}[a-z_]*\/(.+)$/.exec(path);
    return match ? (match[1] as string).replace(/^([a-z]+:)\/(?!\/)/i, '$1//') : null;
  }
  return null;
}
