/**
 * Step 4: what an element's markup says about the role of its text. Tag rules (`<figcaption>`, `<h1>`,
 * `<aside>`) and class/id patterns (`wp-caption-text`, `share-bar`, `#comments`) as news templates write
 * them. A rule id names what matched (`html/figcaption`, `html/class-share`), so a hint can say why.
 *
 * Class patterns match whole class tokens or their `-`/`_`-separated parts, so `comments` matches
 * `comments-list` but not `commentary`; state classes (`comments-open`, `has-related`) never match.
 *
 * Also where an element stands around a story: site chrome (`isPageChrome`: the site's footer, sidebars)
 * and labels (`isLabel`: headings, `.comments-title`), which 06-furniture uses to keep a story's closing
 * furniture and leave the site's out.
 */
import type { BlockRole } from '../../core/roles/block-roles.ts';
import { nameTokens, NON_TEXT_TAGS, tagOf, type DomElement } from './dom.ts';

export type RoleMark = { role: BlockRole; rule: string };

/** Elements the walk never enters: no text (scripts, controls), and menus, which are links, not prose. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([...NON_TEXT_TAGS, 'nav', 'menu']);

/** Elements that start and end a paragraph of the extracted text. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'html', 'body', 'main', 'article', 'section', 'header', 'footer', 'aside', 'address', 'div', 'center',
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'blockquote', 'pre', 'listing', 'xmp', 'plaintext', 'hr',
  'ul', 'ol', 'dir', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'details', 'summary', 'dialog', 'form',
  'fieldset', 'legend', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup',
]);

/** Containers that hold the whole page or article; their classes (`single-post`, `comments-open`) describe the page, not a block. */
const CONTAINER_TAGS: ReadonlySet<string> = new Set(['html', 'body', 'main']);

type ClassRule = { pattern: RegExp; role: BlockRole; rule: string };

// Order matters: the first rule whose pattern matches a token wins.
const CLASS_RULES: readonly ClassRule[] = [
  { pattern: /pull-?quote/, role: 'pull-quote', rule: 'html/class-pullquote' },
  { pattern: /breadcrumb/, role: 'breadcrumb', rule: 'html/class-breadcrumb' },
  { pattern: /^wp-caption-text$/, role: 'caption', rule: 'html/wp-caption-text' },
  { pattern: /caption/, role: 'caption', rule: 'html/class-caption' },
  { pattern: /credit/, role: 'credit', rule: 'html/class-credit' },
  { pattern: /byline|(?:^|[-_])(?:author|authors|author-?name|writer)(?:[-_]|$)/, role: 'byline', rule: 'html/class-byline' },
  { pattern: /(?:^|[-_])(?:date|dateline|timestamp|pubdate|published|publish-?date|posted-?on)(?:[-_]|$)/, role: 'dateline', rule: 'html/class-date' },
  { pattern: /standfirst|strapline|(?:^|[-_])(?:dek|summary|sub-?title|intro-?text)(?:[-_]|$)/, role: 'standfirst', rule: 'html/class-standfirst' },
  { pattern: /(?:^|[-_])(?:share|sharing|sharebar|sharetools|social)/, role: 'boilerplate', rule: 'html/class-share' },
  { pattern: /newsletter|(?:^|[-_])(?:subscribe|subscription|sign-?up|signup)(?:[-_]|$)/, role: 'boilerplate', rule: 'html/class-newsletter' },
  { pattern: /(?:^|[-_])(?:related|recommended|recirc|outbrain|taboola|read-?more|also-?read|see-?also|more-?(?:stories|news|articles)|most-?(?:read|popular|viewed)|trending)/, role: 'boilerplate', rule: 'html/class-related' },
  { pattern: /(?:^|[-_])(?:promo|app-?promo|app-?download|get-?the-?app|sponsor(?:ed)?|advert\w*|ads?|ad-?(?:slot|unit|container|wrapper)|dfp)(?:[-_]|$)/, role: 'boilerplate', rule: 'html/class-promo' },
  { pattern: /(?:^|[-_])(?:comments?|comment-?(?:list|section|form)|disqus|respond)(?:[-_]|$)/, role: 'boilerplate', rule: 'html/class-comments' },
  { pattern: /(?:^|[-_])(?:cookies?|cookie-?\w+|consent|gdpr|cmp)(?:[-_]|$)/, role: 'boilerplate', rule: 'html/class-cookie' },
  { pattern: /(?:^|[-_])(?:tags|tag-?list|topics|keywords)(?:[-_]|$)/, role: 'boilerplate', rule: 'html/class-tags' },
];

/** Tokens that describe a state of the page (`comments-open`, `has-related`), not a block. */
const STATE_TOKEN = /^(?:has|no|with|is|show|hide|enable|disable)[-_]|[-_](?:open|closed|enabled|disabled|allowed|active)$/;

const ARIA_ROLES: Readonly<Record<string, RoleMark>> = {
  complementary: { role: 'boilerplate', rule: 'html/role-complementary' },
  contentinfo: { role: 'boilerplate', rule: 'html/role-contentinfo' },
  dialog: { role: 'boilerplate', rule: 'html/role-dialog' },
  alertdialog: { role: 'boilerplate', rule: 'html/role-dialog' },
};

function markFromClasses(element: DomElement): RoleMark | undefined {
  const tokens = nameTokens(element).filter((token) => !STATE_TOKEN.test(token));
  if (tokens.length === 0) return undefined;
  for (const { pattern, role, rule } of CLASS_RULES) {
    if (tokens.some((token) => pattern.test(token))) return { role, rule };
  }
  return undefined;
}

function markFromItemprop(element: DomElement): RoleMark | undefined {
  const itemprop = (element.getAttribute('itemprop') ?? '').toLowerCase().split(/\s+/);
  if (itemprop.includes('caption')) return { role: 'caption', rule: 'html/itemprop-caption' };
  if (itemprop.includes('author')) return { role: 'byline', rule: 'html/itemprop-author' };
  if (itemprop.includes('datepublished')) return { role: 'dateline', rule: 'html/itemprop-datepublished' };
  if (itemprop.includes('copyrightholder')) return { role: 'credit', rule: 'html/itemprop-copyrightholder' };
  return undefined;
}

/** `aria-label="Breadcrumb"` and schema.org `itemtype=".../BreadcrumbList"` name a breadcrumb whatever its classes. */
function markFromBreadcrumbAttributes(element: DomElement): RoleMark | undefined {
  if (/breadcrumb/i.test(element.getAttribute('aria-label') ?? '')) return { role: 'breadcrumb', rule: 'html/aria-breadcrumb' };
  if (/breadcrumblist\s*$/i.test(element.getAttribute('itemtype') ?? '')) return { role: 'breadcrumb', rule: 'html/itemtype-breadcrumblist' };
  return undefined;
}

function markFromTag(tag: string, inFigure: boolean): RoleMark | undefined {
  switch (tag) {
    case 'h1':
      return { role: 'headline', rule: 'html/h1' };
    case 'figcaption':
      return { role: 'caption', rule: 'html/figcaption' };
    case 'caption':
      return { role: 'caption', rule: 'html/table-caption' };
    case 'small':
      return inFigure ? { role: 'credit', rule: 'html/figure-small' } : undefined;
    case 'aside':
      return { role: 'boilerplate', rule: 'html/aside' };
    case 'footer':
      return { role: 'boilerplate', rule: 'html/footer' };
    case 'form':
      return { role: 'boilerplate', rule: 'html/form' };
    case 'dialog':
      return { role: 'boilerplate', rule: 'html/dialog' };
    default:
      return undefined;
  }
}

/** Whether an element holds an `<h1>`: by default, a search of its subtree. */
export type HeadlineTest = (element: DomElement) => boolean;
const searchForHeadline: HeadlineTest = (element) => element.querySelector('h1') !== null;

/**
 * The headline test for the elements of `root`'s subtree as linkedom's selectors reach them (not into a
 * `<template>`'s content), in time linear in its size: the first call marks the elements around each `<h1>` of
 * root, once. Searching each element's subtree cost the depth for each of nested elements that all hold the
 * headline (1 MB of `<div class="share">` nested around an h1 took 26 s).
 */
export function headlineHolders(root: DomElement): HeadlineTest {
  let holders: Set<DomElement> | undefined;
  return (element) => {
    if (holders === undefined) {
      holders = new Set();
      for (const headline of Array.from(root.querySelectorAll('h1'))) {
        // An element already marked has had everything around it up to root marked too.
        for (let around = headline.parentElement; around !== null && !holders.has(around); around = around.parentElement) {
          holders.add(around);
          if (around === root) break;
        }
      }
    }
    // A template's own search reaches into its content, which root's does not.
    return holders.has(element) || (tagOf(element) === 'template' && searchForHeadline(element));
  };
}

/**
 * The role an element's own markup gives its text, if any. Class and itemprop rules come before tag
 * rules, so `<aside class="pullquote">` is a pull-quote and `<figcaption class="credit">` a credit.
 */
export function classifyElement(element: DomElement, inFigure: boolean, holdsHeadline: HeadlineTest = searchForHeadline): RoleMark | undefined {
  const tag = tagOf(element);
  if (CONTAINER_TAGS.has(tag)) return undefined;
  // Most elements have no attributes: only their tag can say anything.
  if (!element.hasAttributes()) return markFromTag(tag, inFigure);
  if ((element.getAttribute('itemprop') ?? '').toLowerCase().includes('articlebody')) return undefined;
  let mark = markFromClasses(element) ?? markFromItemprop(element) ?? markFromBreadcrumbAttributes(element);
  // A block holding the page's headline is the article itself, whatever its classes say.
  if (mark?.role === 'boilerplate' && holdsHeadline(element)) mark = undefined;
  if (mark !== undefined) return mark;
  const ariaRole = (element.getAttribute('role') ?? '').toLowerCase();
  return ARIA_ROLES[ariaRole] ?? markFromTag(tag, inFigure);
}

/** Elements not rendered: `hidden`, `aria-hidden="true"`, inline `display:none` or `visibility:hidden`. */
export function isUnrendered(element: DomElement): boolean {
  if (!element.hasAttributes()) return false;
  if (element.hasAttribute('hidden')) return true;
  if ((element.getAttribute('aria-hidden') ?? '').toLowerCase() === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Elements the page walk leaves out besides skipped tags: unrendered ones and `role=navigation` menus. */
export function isHidden(element: DomElement): boolean {
  return isUnrendered(element) || (element.getAttribute('role') ?? '').toLowerCase() === 'navigation';
}

/** Roles whose every descendant shares them: nothing inside a share bar or a breadcrumb is a caption. */
export function isDominant(mark: RoleMark | undefined): boolean {
  return mark?.role === 'boilerplate' || mark?.role === 'breadcrumb';
}

/** Class and id tokens of regions that belong to the site, not to one story. */
const CHROME_TOKEN = /(?:^|[-_])(?:sidebar|side-?bar|widget-?area|widgets|colophon|site-?footer|global-?footer|site-?header|masthead|rail)(?:[-_]|$)/;

/** Sectioning elements: a `<footer>` or `<header>` inside one belongs to it, not to the page (as ARIA maps them). */
export const SECTIONING_TAGS: ReadonlySet<string> = new Set(['article', 'section', 'aside', 'nav', 'main']);

/**
 * Site chrome around a story: the site's header and footer (`role=banner`/`contentinfo`, or a `<header>`/`<footer>`
 * outside any sectioning element), sidebars (`role=complementary`, `.sidebar`, `.widget-area`, an `<aside>` outside
 * the article that no class marks as a related box or share bar). `within` says what the element sits in.
 */
export function isPageChrome(element: DomElement, within: { article: boolean; section: boolean }): boolean {
  const tag = tagOf(element);
  if (CONTAINER_TAGS.has(tag)) return false;
  const ariaRole = (element.getAttribute('role') ?? '').toLowerCase();
  if (ariaRole === 'banner' || ariaRole === 'contentinfo' || ariaRole === 'complementary') return true;
  if (nameTokens(element).some((token) => !STATE_TOKEN.test(token) && CHROME_TOKEN.test(token))) return true;
  if (tag === 'header' || tag === 'footer') return !within.section;
  if (tag === 'aside') return !within.article && markFromClasses(element)?.role !== 'boilerplate';
  return false;
}

const LABEL_TOKEN = /(?:^|[-_])(?:title|count|heading)(?:[-_]|$)/;

/** A heading or a title/count label (`<h2>`, `.comments-title`, `.comment-count`): what a comments region shows besides the comments. */
export function isLabel(element: DomElement): boolean {
  return /^h[1-6]$/.test(tagOf(element)) || nameTokens(element).some((token) => LABEL_TOKEN.test(token));
}
