// Maps filled on first use: the data snapshot's tables stored apart (snapshot.ts: restoreApart), and tables made key by key.

// Map's own methods, for subclasses to store entries without the overrides below (which fill first).
const mapSet = Map.prototype.set;
const mapClear = Map.prototype.clear;

/**
 * A Map with entries still to come: iteration, `size` and any change call `fill()` first, so that it reads like a
 * Map filled at once. Subclasses say how `fill()` stores what is pending (with `store`, not `set`) and how `get`
 * and `has` read it; `forget()` drops what is pending when the Map is cleared.
 */
abstract class MapFilledOnFirstUse<K, V> extends Map<K, V> {
  protected abstract fill(): void;
  protected abstract forget(): void;
  /** Sets an entry without filling first (for `fill`). */
  protected store(key: K, item: V): void {
    mapSet.call(this, key, item);
  }
  /** Empties the Map without filling first (for `fill`). */
  protected empty(): void {
    mapClear.call(this);
  }
  override get size(): number {
    this.fill();
    return super.size;
  }
  override set(key: K, item: V): this {
    this.fill();
    return super.set(key, item);
  }
  override delete(key: K): boolean {
    this.fill();
    return super.delete(key);
  }
  override clear(): void {
    this.forget();
    super.clear();
  }
  override forEach(callback: (item: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.fill();
    super.forEach(callback, thisArg);
  }
  override keys(): MapIterator<K> {
    this.fill();
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.fill();
    return super.values();
  }
  override entries(): MapIterator<[K, V]> {
    this.fill();
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    this.fill();
    return super.entries();
  }
}

/** A Map whose entries are those of `load()`, called when the Map is first read (or written). */
export class MapReadOnFirstUse<K, V> extends MapFilledOnFirstUse<K, V> {
  #load: (() => ReadonlyMap<K, V>) | undefined;
  constructor(load: () => ReadonlyMap<K, V>) {
    super();
    this.#load = load;
  }
  protected fill(): void {
    const load = this.#load;
    if (load === undefined) return;
    this.#load = undefined;
    for (const [key, item] of load()) this.store(key, item);
  }
  protected forget(): void {
    this.#load = undefined;
  }
  override get(key: K): V | undefined {
    this.fill();
    return super.get(key);
  }
  override has(key: K): boolean {
    this.fill();
    return super.has(key);
  }
}

/**
 * A Map whose keys are `keys()` (read on first use) and whose value for the key at position `i` is `make(i)`,
 * made when that key is first asked for: a start that reads a few keys makes only those. Iteration, `size` and
 * any change make every value first, so the Map reads like one filled in key order.
 */
export class MapMadeByKey<K, V> extends MapFilledOnFirstUse<K, V> {
  #keys: (() => readonly K[]) | undefined;
  #make: (i: number) => V;
  #keyList: readonly K[] | undefined;
  #positions: Map<K, number> | undefined;
  // Look-ups left before the keys are indexed: a start asks for a few keys of tables of ~10,000, and indexing
  // them (a Map of every key, each one hashed) cost it more than searching the list for those few.
  #searchesLeft = 16;
  constructor(keys: () => readonly K[], make: (i: number) => V) {
    super();
    this.#keys = keys;
    this.#make = make;
  }
  #position(key: K): number | undefined {
    if (this.#positions === undefined) {
      const keys = (this.#keyList ??= (this.#keys as () => readonly K[])());
      // indexOf finds the first equal key, as the index keeps it; NaN, equal to itself in a Map only, goes there.
      if (this.#searchesLeft > 0 && key === key) {
        this.#searchesLeft--;
        const at = keys.indexOf(key);
        return at === -1 ? undefined : at;
      }
      this.#positions = new Map();
      for (let i = 0; i < keys.length; i++) if (!this.#positions.has(keys[i] as K)) this.#positions.set(keys[i] as K, i);
      this.#keyList = undefined;
    }
    return this.#positions.get(key);
  }
  protected fill(): void {
    if (this.#keys === undefined) return;
    const keys = this.#keyList ?? this.#keys();
    // The values made so far, kept: a value asked for before stays the same object.
    const made = new Map<K, V>();
    for (const [key, item] of Map.prototype.entries.call(this) as MapIterator<[K, V]>) made.set(key, item);
    this.#keys = undefined;
    this.#keyList = undefined;
    this.#positions = undefined;
    this.empty();
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as K;
      if (!super.has(key)) this.store(key, made.has(key) ? (made.get(key) as V) : this.#make(i));
    }
  }
  protected forget(): void {
    this.#keys = undefined;
    this.#keyList = undefined;
    this.#positions = undefined;
  }
  override get(key: K): V | undefined {
    if (this.#keys === undefined || super.has(key)) return super.get(key);
    const position = this.#position(key);
    if (position === undefined) return undefined;
    const value = this.#make(position);
    this.store(key, value);
    return value;
  }
  override has(key: K): boolean {
    if (this.#keys === undefined || super.has(key)) return super.has(key);
    return this.#position(key) !== undefined;
  }
}
