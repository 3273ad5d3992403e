/**
 * A zod schema built when first used, not when its module loads: a one-article command never validates a
 * report or a table row (its tables come from the data snapshot), yet building the schemas of the report, the
 * comparison, the outlet tables and the lexicon records at every start cost it about a twentieth of its CPU.
 * The schema is the same object for every reader (the Proxy forwards every read to it, built once), so a
 * schema composed from it, parsed with it or turned into JSON Schema behaves as the schema itself. Not for an
 * optional or nullable schema (zod's JSON Schema looks those up by their own identity): `lazyValue` below.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let schema: T | undefined;
  const built = (): T => (schema ??= build());
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(built(), key),
    set: (_target, key, value) => Reflect.set(built(), key, value),
    has: (_target, key) => Reflect.has(built(), key),
    ownKeys: () => Reflect.ownKeys(built()),
    // Configurable as seen through the Proxy: its own target holds none of the schema's properties.
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(built(), key);
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(built()),
  });
}

/**
 * A value built at its first call, then the same object at every call: an object shape (field name -> schema)
 * shared by several lazily built schemas, or a schema the Proxy of `lazySchema` cannot stand for: zod turns an
 * optional or nullable schema into JSON Schema by looking up the schema itself, not the Proxy it was reached by.
 */
export function lazyValue<T extends object>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
