// Maps filled on first use: the data snapshot's tables stored apart (snapshot.ts: restoreApart), and tables made key by key.

/** A Map whose entries are those of `load()`, called when the Map is first read (or written). */
export class MapReadOnFirstUse<K, V> extends Map<K, V> {
  #load: (() => ReadonlyMap<K, V>) | undefined;
  constructor(load: () => ReadonlyMap<K, V>) {
    super();
    this.#load = load;
  }
  #filled(): void {
    const load = this.#load;
    if (load === undefined) return;
    this.#load = undefined;
    for (const [key, item] of load()) super.set(key, item);
  }
  override get size(): number {
    this.#filled();
    return super.size;
  }
  override get(key: K): V | undefined {
    this.#filled();
    return super.get(key);
  }
  override has(key: K): boolean {
    this.#filled();
    return super.has(key);
  }
  override set(key: K, item: V): this {
    this.#filled();
    return super.set(key, item);
  }
  override delete(key: K): boolean {
    this.#filled();
    return super.delete(key);
  }
  override clear(): void {
    this.#load = undefined;
    super.clear();
  }
  override forEach(callback: (item: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.#filled();
    super.forEach(callback, thisArg);
  }
  override keys(): MapIterator<K> {
    this.#filled();
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.#filled();
    return super.values();
  }
  override entries(): MapIterator<[K, V]> {
    this.#filled();
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    this.#filled();
    return super.entries();
  }
}

/**
 * A Map whose keys are `keys()` (read on first use) and whose value for the key at position `i` is `make(i)`,
 * made when that key is first asked for: a start that reads a few keys makes only those. Iteration, `size` and
 * any change make every value first, so the Map reads like one filled in key order.
 */
export class MapMadeByKey<K, V> extends Map<K, V> {
  #keys: (() => readonly K[]) | undefined;
  #make: (i: number) => V;
  #positions: Map<K, number> | undefined;
  constructor(keys: () => readonly K[], make: (i: number) => V) {
    super();
    this.#keys = keys;
    this.#make = make;
  }
  #position(key: K): number | undefined {
    if (this.#positions === undefined) {
      const keys = (this.#keys as () => readonly K[])();
      this.#positions = new Map();
      for (let i = 0; i < keys.length; i++) if (!this.#positions.has(keys[i] as K)) this.#positions.set(keys[i] as K, i);
    }
    return this.#positions.get(key);
  }
  #filled(): void {
    if (this.#keys === undefined) return;
    const keys = this.#keys();
    const made = new Map<K, V>(super.entries());
    this.#keys = undefined;
    this.#positions = undefined;
    super.clear();
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as K;
      if (!super.has(key)) super.set(key, made.has(key) ? (made.get(key) as V) : this.#make(i));
    }
  }
  override get size(): number {
    this.#filled();
    return super.size;
  }
  override get(key: K): V | undefined {
    if (this.#keys === undefined || super.has(key)) return super.get(key);
    const position = this.#position(key);
    if (position === undefined) return undefined;
    const value = this.#make(position);
    super.set(key, value);
    return value;
  }
  override has(key: K): boolean {
    if (this.#keys === undefined || super.has(key)) return super.has(key);
    return this.#position(key) !== undefined;
  }
  override set(key: K, item: V): this {
    this.#filled();
    return super.set(key, item);
  }
  override delete(key: K): boolean {
    this.#filled();
    return super.delete(key);
  }
  override clear(): void {
    this.#keys = undefined;
    this.#positions = undefined;
    super.clear();
  }
  override forEach(callback: (item: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.#filled();
    super.forEach(callback, thisArg);
  }
  override keys(): MapIterator<K> {
    this.#filled();
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.#filled();
    return super.values();
  }
  override entries(): MapIterator<[K, V]> {
    this.#filled();
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    this.#filled();
    return super.entries();
  }
}
