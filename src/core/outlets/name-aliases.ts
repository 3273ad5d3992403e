/**
 * The aliases one table name gives (`Agence France-Presse (AFP)` gives `AFP`, `Xinhua News Agency` gives
 * `Xinhua` when a domain says so), and the folding they are compared in; names.ts builds its index from them.
 */

/** A string without combining marks (accents): `Müller` -> `Muller`; ASCII is returned as it is. */
export function stripMarks(value: string): string {
  // Only strings with combining-capable letters need the (slower) decomposition.
  return /[^\u0000-\u007f]/.test(value) ? value.normalize('NFD').replace(/\p{M}+/gu, '') : value;
}

/**
 * The aliases a table name gives, with their priority (see names.ts's module comment) and whether they serve
 * lookups only: a name that needed a disambiguator (`New York (magazine)`, `Vanguard (Nigeria)`) means
 * something else in running text as often as not, so its bare form is never searched for in a text.
 */
export function namesOf(name: string, top: number): [string, number, boolean][] {
  const out: [string, number, boolean][] = [];
  const add = (text: string, priority: number, lookupOnly: boolean): void => {
    const clean = text.trim().replace(/\s+/g, ' ');
    if (clean === '') return;
    out.push([clean, priority, lookupOnly]);
    const withoutThe = /^the\s+(.+)$/i.exec(clean);
    if (withoutThe && (withoutThe[1] as string).split(' ').length >= 2) out.push([withoutThe[1] as string, priority, lookupOnly]);
  };
  for (const part of name.split(' / ')) {
    const match = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(part);
    if (match === null) {
      add(part, top, false);
      continue;
    }
    const base = (match[1] as string).trim();
    const inner = (match[2] as string).trim();
    const fromParens = aliasesInParentheses(base, inner);
    for (const alias of fromParens) add(alias, top - 1, false);
    const disambiguated = fromParens.length === 0 && !/^formerly\s/i.test(inner);
    add(base, disambiguated ? top - 2 : top, disambiguated);
  }
  return out;
}

function aliasesInParentheses(base: string, inner: string): string[] {
  const formerly = /^formerly\s+(.+)$/i.exec(inner);
  if (formerly) return [formerly[1] as string];
  if (!inner.includes(',') && inner.toLowerCase().startsWith(base.toLowerCase())) return [inner];
  const items = inner.split(/\s*,\s*/);
  if (items.length > 1) return items.filter((item) => isStrictAcronym(item));
  if (isAcronymOf(inner, base)) return [inner];
  if (isStrictAcronym(base) && initials(inner) === fold(base).replace(/[^a-z0-9]/g, '')) return [inner];
  return [];
}

/**
 * "Xinhua News Agency" -> "Xinhua", "Bloomberg News" -> "Bloomberg", "Jiji Press" -> "Jiji": the short form
 * news copy uses, taken only when a domain's first label is that short form (bloomberg.com, jiji.com; for
 * agencies also with "news" or "net": tasnimnews.com, xinhuanet.com). "Fox News" (foxnews.com), "Arab News"
 * and "China News Service" give nothing: "Fox", "Arab" and "China" are words and places first.
 */
export function shortForm(name: string, domains: readonly string[]): string | null {
  const match = /^(.+?)\s+(News\s+Agency|News|Press)$/.exec(name);
  if (match === null) return null;
  const base = (match[1] as string).replace(/^the\s+/i, '');
  const compact = fold(base).replace(/[^a-z0-9]/g, '');
  if (compact.length < 3) return null;
  const labels = new Set([compact, ...(match[2] === 'News Agency' ? [`${compact}news`, `${compact}net`] : [`${compact}net`])]);
  return domains.some((host) => labels.has(host.slice(0, host.indexOf('.')))) ? base : null;
}

function isStrictAcronym(value: string): boolean {
  const letters = value.replace(/[^\p{L}]/gu, '');
  return !/\s/.test(value) && letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

// "(AFP)" after "Agence France-Presse": one word, starts with the name's first letter, and either two
// capitals or short lower case (dpa, taz). "(Spain)", "(UK)" after "Who's Who" and "(2009)" are not.
function isAcronymOf(inner: string, base: string): boolean {
  if (/\s/.test(inner) || inner.length > 8 || !/^[\p{L}\p{N}/&+.!-]+$/u.test(inner)) return false;
  const capitals = inner.replace(/[^\p{Lu}]/gu, '').length;
  const shortLower = inner === inner.toLowerCase() && inner.length <= 4;
  if (capitals < 2 && !shortLower) return false;
  const first = fold(base.replace(/^the\s+/i, '')).charAt(0);
  return first !== '' && fold(inner).charAt(0) === first;
}

function initials(words: string): string {
  return words
    .split(/[\s-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => fold(word).charAt(0))
    .join('');
}

function fold(value: string): string {
  return stripMarks(value.toLowerCase());
}

/** For an RSP-only name: the domain whose label is the name (indymedia.org for Indymedia), else a .com. */
export function primaryHost(name: string, hosts: readonly string[]): string {
  const compact = fold(name.replace(/\s*\([^()]*\)\s*$/, '')).replace(/[^a-z0-9]/g, '');
  const rank = (host: string): number => {
    const label = host.slice(0, host.indexOf('.'));
    const quality = label === compact ? 0 : compact.includes(label) ? 1 : label.includes(compact) ? 2 : 3;
    const tld = /\.(?:com|org|net)$/.test(host) ? 0 : 1;
    return quality * 10 + tld;
  };
  return [...hosts].sort((a, b) => rank(a) - rank(b) || a.length - b.length || (a < b ? -1 : 1))[0] as string;
}
