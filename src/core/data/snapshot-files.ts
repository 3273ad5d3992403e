/**
 * The files a data snapshot's entries were built from (snapshot.ts): where they are, as stored and as read,
 * and how a start tells that one is unchanged without reading it.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * A file's device, inode, size, modification and change times: the same string means the same bytes as when
 * it was taken (the change time moves on every write or rename and no tool can set it back), so a start skips
 * reading and hashing some eighty files (about 25 ms of CPU) when the snapshot was written on this disk. A
 * snapshot copied or installed from elsewhere, or a file touched since, has another identity and is checked
 * by its SHA-256 as before. Git checks its index the same way.
 */
export function fileIdentity(file: string): string {
  const stat = statSync(file, { bigint: true });
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/**
 * A file's identity as a snapshot stores it: none ('') for a file changed less than two seconds before, which
 * could change again within the same tick of a coarse clock without its identity changing (git's "racy" case),
 * so that it is always hashed.
 */
export function settledIdentity(file: string): string {
  const changed = statSync(file, { bigint: true }).ctimeNs;
  return BigInt(Date.now()) * 1_000_000n - changed < 2_000_000_000n ? '' : fileIdentity(file);
}

/** The SHA-256 of `data` in hex; node:crypto is loaded on first use (see parse.ts): a start whose files kept their identity hashes nothing. */
export function sha256(data: Buffer): string {
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(data).digest('hex');
}

/**
 * `file` as a snapshot names it: relative to the package `root`, or for a dependency's file its package path,
 * since an installation may hoist node_modules elsewhere.
 */
export function toPortable(root: string, file: string): string {
  const marker = `${sep}node_modules${sep}`;
  const inModules = file.lastIndexOf(marker);
  if (inModules !== -1) return `module:${file.slice(inModules + marker.length).split(sep).join('/')}`;
  const rel = relative(root, file);
  if (rel.startsWith('..')) throw new Error(`snapshot: ${file} is outside the package`);
  return rel.split(sep).join('/');
}

/** The absolute path of a file a snapshot names (toPortable's inverse), the package being at `root`. */
export function fromPortable(root: string, file: string): string {
  return file.startsWith('module:') ? require.resolve(file.slice('module:'.length)) : join(root, ...file.split('/'));
}
