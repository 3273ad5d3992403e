/**
 * linkedom's nodes with their listener maps made when first asked for (src/edges/ingest/lazy-listeners.ts)
 * behave as linkedom's own do: the same listeners are called, in the same order, with the same event fields,
 * for listeners added, removed, once-only, stopping, bubbling or not, on nodes, the document and its window. The
 * original is linkedom's ES module build, a module of its own whose WeakMap the change never touches.
 */
import * as original from 'linkedom';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { keepListenerMapsLazy } from '../../src/edges/ingest/lazy-listeners.ts';
import { linkedomLibrary } from '../../src/edges/ingest/libraries.ts';

type Linkedom = typeof original;
type Target = { addEventListener(type: string, listener: unknown, options?: unknown): void; removeEventListener(type: string, listener: unknown): void; dispatchEvent(event: unknown): boolean };

const PAGE = '<html><body><main id="m"><p id="p">Words <b id="b">bold</b></p><p id="q">More</p></main></body></html>';

/** What a script of listeners sees on a page parsed by `library`, as lines. */
function listenerLog(library: Linkedom): string[] {
  const { document, window, Event, CustomEvent } = library.parseHTML(PAGE) as unknown as {
    document: { getElementById(id: string): Target & { id: string; firstChild: Target } } & Target;
    window: Target;
    Event: new (type: string, init?: object) => { type: string; stopImmediatePropagation(): void; preventDefault(): void; eventPhase: number; currentTarget: unknown; target: unknown };
    CustomEvent: new (type: string, init?: object) => unknown;
  };
  const log: string[] = [];
  // The window's listeners sit on an EventTarget linkedom keeps for it, which has no node name.
  const name = (node: unknown): string => (node === document ? 'document' : ((node as { id?: string }).id || ((node as { nodeName?: string }).nodeName ?? 'window')));
  const listener = (label: string) => (event: { type: string; eventPhase: number; currentTarget: unknown; target: unknown }) =>
    log.push(`${label} ${event.type} phase ${event.eventPhase} at ${name(event.currentTarget)} for ${name(event.target)}`);
  const [main, p, b, q] = ['m', 'p', 'b', 'q'].map((id) => document.getElementById(id));
  const text = (p as unknown as { firstChild: Target }).firstChild;
  const onB = listener('b1');
  b!.addEventListener('ping', onB);
  b!.addEventListener('ping', listener('b2'), { once: true });
  b!.addEventListener('ping', { handleEvent: listener('b-object') });
  p!.addEventListener('ping', listener('p'));
  main!.addEventListener('ping', listener('main'));
  document.addEventListener('ping', listener('document'));
  window.addEventListener('ping', listener('window'));
  text.addEventListener('ping', listener('text'));
  q!.addEventListener('stop', (event: { stopImmediatePropagation(): void }) => {
    log.push('q stop first');
    event.stopImmediatePropagation();
  });
  q!.addEventListener('stop', listener('q never'));
  q!.addEventListener('cancel', (event: { preventDefault(): void }) => event.preventDefault());
  // A node that never had a listener: removing one and dispatching to it are no-ops, as on linkedom's own.
  q!.removeEventListener('none', onB);
  log.push(`plain ${String(document.getElementById('q')!.dispatchEvent(new Event('none')))}`);
  log.push(`bubbles ${String(b!.dispatchEvent(new Event('ping', { bubbles: true })))}`);
  log.push(`again ${String(b!.dispatchEvent(new Event('ping', { bubbles: true })))}`);
  b!.removeEventListener('ping', onB);
  log.push(`no bubble ${String(b!.dispatchEvent(new Event('ping')))}`);
  log.push(`text ${String(text.dispatchEvent(new CustomEvent('ping', { bubbles: true, detail: 1 })))}`);
  log.push(`stop ${String(q!.dispatchEvent(new Event('stop')))}`);
  log.push(`cancel ${String(q!.dispatchEvent(new Event('cancel', { cancelable: true })))}`);
  return log;
}

describe('linkedom nodes with listener maps made on first use', () => {
  it('call the same listeners in the same order, with the same event fields, as linkedom itself', () => {
    const lazy = listenerLog(linkedomLibrary());
    expect(lazy).toEqual(listenerLog(original));
    // The script did reach every kind of listener.
    expect(lazy).toContain('b2 ping phase 2 at b for b');
    expect(lazy).toContain('window ping phase 3 at window for b');
    expect(lazy).toContain('b-object ping phase 2 at b for b');
    expect(lazy.filter((line) => line.startsWith('b2 '))).toHaveLength(1);
    expect(lazy).toContain('q stop first');
    expect(lazy.some((line) => line.startsWith('q never'))).toBe(false);
    expect(lazy).toContain('cancel false');
  });

  it('applies to the installed linkedom: another version must be read again before it is allowed', () => {
    const { version } = createRequire(import.meta.url)('linkedom/package.json') as { version: string };
    // Last, on the ES module build the first test compared against.
    expect(keepListenerMapsLazy(original.EventTarget, version)).toBe(true);
    expect(keepListenerMapsLazy(original.EventTarget, '0.0.0')).toBe(false);
  });
});
