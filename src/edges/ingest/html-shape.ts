/**
 * How big and how deep a page's markup is, from one linear scan of its tags, before it is parsed: parsing
 * and extraction cost grows with both, and the HTTP service refuses pages past its limits up front.
 */

// Elements that never hold children, and those whose end tag may be left out (a parser closes them at the
// next sibling): neither makes the page deeper, so an unclosed <p> or <li> does not count as nesting.
const NO_NESTING = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp', 'optgroup']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>|<!--[\s\S]*?-->/g;

/** Elements (start tags) in `html` and the deepest nesting of elements that hold children; linear in the length. */
export function htmlShape(html: string | Uint8Array): { elements: number; depth: number } {
  // Tag names are ASCII whatever the charset, so bytes are read as latin1 for the scan.
  const source = typeof html === 'string' ? html : Buffer.from(html.buffer, html.byteOffset, html.byteLength).toString('latin1');
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  for (const match of source.matchAll(TAG)) {
    const [, closing, name, selfClosing] = match;
    if (name === undefined) continue; // a comment
    const nests = !NO_NESTING.has(name.toLowerCase());
    if (closing === '/') {
      if (nests && depth > 0) depth--;
      continue;
    }
    elements++;
    if (nests && selfClosing !== '/') deepest = Math.max(deepest, ++depth);
  }
  return { elements, depth: deepest };
}
