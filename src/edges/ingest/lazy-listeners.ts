/**
 * linkedom 0.18.15 gives every node, as it is made, a map of its event listeners: EventTarget's constructor
 * puts an empty Map into a WeakMap under the node (`wm.set(this, new Map)`), for each element, text node and
 * attribute of a page, though slant never listens to a parsed page. Those WeakMap entries were most of the cost of
 * parsing: the table grows and rehashes as a page's nodes are added, and every collection traces each entry
 * as an ephemeron. The news fixtures parsed in 1.7-2.1 ms, now 0.6-0.9; a megabyte of `<p>a<b>b</b></p>` kept
 * 25 MB of heap per 20,000 paragraphs, now 11.
 *
 * EventTarget's methods read the WeakMap only through its `get`, and its constructor only writes it through
 * `set`. So that one WeakMap is given a `set` of its own that keeps nothing, and a `get` that makes a target's
 * map the first time it is asked for (an entry made before this ran is returned as it was). A target then
 * behaves as if its map had been made with it: the same listeners, called in the same order. The Map the
 * constructor still makes is dropped at once, and young garbage is cheap to collect.
 *
 * The WeakMap is private to linkedom's module; it is found by asking a fresh EventTarget to remove a listener
 * (its first step is `wm.get(this)`) while WeakMap's `get` is watched, for that one call. Applied only to the
 * version this was read from, and only when the WeakMap is found that way.
 */

/** The linkedom version whose EventTarget this was read from. */
const ADAPTED_VERSION = '0.18.15';

type EventTargetClass = new () => { removeEventListener(type: string, listener: () => void): void };

/** Makes linkedom's EventTarget (for linkedom `version`) keep no listener map until one is asked for; false when left as it is. */
export function keepListenerMapsLazy(eventTarget: EventTargetClass, version: string | undefined): boolean {
  if (version !== ADAPTED_VERSION) return false;
  const listeners = listenerMapsOf(eventTarget);
  if (listeners === undefined) return false;
  const { get, set } = WeakMap.prototype;
  Object.defineProperties(listeners, {
    set: { value: keepNothing },
    get: {
      value(this: WeakMap<object, Map<string, unknown>>, target: object): Map<string, unknown> {
        let map = get.call(this, target);
        if (map === undefined) set.call(this, target, (map = new Map()));
        return map;
      },
    },
  });
  return true;
}

function keepNothing(this: WeakMap<object, unknown>): WeakMap<object, unknown> {
  return this;
}

// The WeakMap that `eventTarget`'s methods keep listener maps in: the one whose `get` a fresh target's
// removeEventListener calls with that target.
function listenerMapsOf(eventTarget: EventTargetClass): WeakMap<object, Map<string, unknown>> | undefined {
  const probe = new eventTarget();
  const get = WeakMap.prototype.get;
  let found: WeakMap<object, Map<string, unknown>> | undefined;
  WeakMap.prototype.get = function (this: WeakMap<object, Map<string, unknown>>, key: object) {
    if (key === probe) found = this;
    return get.call(this, key);
  };
  try {
    probe.removeEventListener('probe', keepNothing);
  } catch {
    // Another EventTarget than the one read: left as it is.
    return undefined;
  } finally {
    WeakMap.prototype.get = get;
  }
  return found;
}
