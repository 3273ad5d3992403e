// A Map filled on first use, for the data snapshot's tables stored apart (snapshot.ts: restoreApart).

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
