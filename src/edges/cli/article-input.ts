/**
 * How the commands that read one article (`slant analyze`, `slant compare`) read it: fetch options from their
 * flags, a file told to be a page by its content, text decoded as UTF-8.
 */
import type { AnalyzeOptions } from '../../analyze.ts';
import { CliError } from './io.ts';

/** `--timeout`, `--max-bytes` and `--allow-private` as fetch options; a bad number is a usage error. */
export function fetchOptions(values: { timeout?: string | undefined; 'max-bytes'?: string | undefined; 'allow-private'?: boolean | undefined }): NonNullable<AnalyzeOptions['fetch']> {
  const options: NonNullable<AnalyzeOptions['fetch']> = {};
  const positive = (name: string, value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new CliError('usage', `--${name} must be a positive whole number, got "${value}"`);
    return n;
  };
  if (values.timeout !== undefined) options.timeoutMs = positive('timeout', values.timeout);
  if (values['max-bytes'] !== undefined) options.maxBytes = positive('max-bytes', values['max-bytes']);
  if (values['allow-private'] === true) options.allow = ['loopback', 'private'];
  return options;
}

/** A saved page without an .html name: markup in its first kilobyte. */
export function looksLikeHtml(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 1024).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(?:head|body|meta|title)\b/.test(head);
}

/** A file's bytes as UTF-8 text, without a byte-order mark (an encoding artefact, not part of the article). */
export function decodeUtf8(buffer: Buffer): string {
  const text = buffer.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
