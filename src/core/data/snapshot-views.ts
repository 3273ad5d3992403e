/**
 * V8's serialization (node:v8) with the typed arrays kept out of the stream: their bytes go after it, each at a
 * multiple of 8, and come back as views of the bytes read, never copied. node:v8's own format writes a typed
 * array's bytes at whatever offset the stream has reached, and its reader copies every one that is not aligned
 * for its type (44 of the lexicons' 54, 2 MB of phrase tries and tables): a copy costs fresh memory, and on the
 * machines slant is measured on each fresh 4 KB page costs ~15 us, ~8 ms of a 5 KB `slant analyze` start.
 */
import { DefaultDeserializer, DefaultSerializer } from 'node:v8';

// The typed arrays a snapshot may hold, by number; a number is stored with each array (append only).
const VIEW_TYPES = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array] as const;
type View = InstanceType<(typeof VIEW_TYPES)[number]>;

const align = (offset: number): number => Math.ceil(offset / 8) * 8;

/** `value` serialized: the stream, then (at `viewsAt`, a multiple of 8) its typed arrays' bytes; one buffer. */
export function serializeWithViews(value: unknown): { readonly bytes: Buffer; readonly viewsAt: number } {
  const views: Buffer[] = [];
  let viewsLength = 0;
  const serializer = new DefaultSerializer();
  // DefaultSerializer hands every ArrayBufferView to _writeHostObject: stored here as its type, place and length.
  (serializer as unknown as { _writeHostObject(view: NodeJS.ArrayBufferView): void })._writeHostObject = (view) => {
    const type = VIEW_TYPES.findIndex((constructor) => view.constructor === constructor);
    if (type === -1) throw new Error(`snapshot: a ${view.constructor.name} is not plain data`);
    const start = align(viewsLength);
    views.push(Buffer.alloc(start - viewsLength), Buffer.from(view.buffer, view.byteOffset, view.byteLength));
    viewsLength = start + view.byteLength;
    serializer.writeUint32(type);
    serializer.writeUint32(start);
    serializer.writeUint32(view.byteLength);
  };
  serializer.writeHeader();
  serializer.writeValue(value);
  const stream = serializer.releaseBuffer();
  const viewsAt = align(stream.length);
  return { bytes: Buffer.concat([stream, Buffer.alloc(viewsAt - stream.length), ...views]), viewsAt };
}

/**
 * The value `serializeWithViews` stored: its stream (the bytes before `viewsAt`, copied from, so reusable
 * after) and its typed arrays as views of `views` (the bytes from `viewsAt` on, at an offset that is a multiple
 * of 8, as in a buffer of its own).
 */
export function deserializeWithViews(stream: Buffer, views: Buffer): unknown {
  const base = views.byteOffset;
  if (base % 8 !== 0) throw new Error('snapshot: typed arrays read at an unaligned offset');
  const deserializer = new DefaultDeserializer(stream);
  (deserializer as unknown as { _readHostObject(): View })._readHostObject = () => {
    const type = deserializer.readUint32();
    const start = deserializer.readUint32();
    const byteLength = deserializer.readUint32();
    const View = VIEW_TYPES[type];
    if (View === undefined || start + byteLength > views.length) throw new Error('snapshot: a typed array out of range');
    return new View(views.buffer as ArrayBuffer, base + start, byteLength / View.BYTES_PER_ELEMENT);
  };
  deserializer.readHeader();
  return deserializer.readValue();
}
