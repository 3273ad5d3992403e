/**
 * How the commands that read one article (`slant analyze`, `slant compare`) read it: fetch options from their
 * flags; a URL fetched, a file or standard input read as a page or as text (by flag, name or content); and
 * refused with a clear error when it is no article (empty, binary).
 */
import { checkArticle, fetchArticle, type AnalyzeOptions, type HtmlInput, type TextInput } from '../../analyze.ts';
import { IngestError } from '../ingest/index.ts';
import { CliError, readInput, type CliIo } from './io.ts';

/** `--html` / `--text` force how a file is read; `meta` goes with a file's article (a fetched page keeps only `outlet`). */
export type ReadChoice = { html?: boolean; text?: boolean; meta?: { url?: string; outlet?: string } };

/** The article `name` names: an http(s) URL (fetched), a file or `-` (standard input); CliError when it cannot be read or is no article. */
export async function readArticle(name: string, io: CliIo, fetch: AnalyzeOptions['fetch'], choice: ReadChoice = {}): Promise<TextInput | HtmlInput> {
  const meta = choice.meta ?? {};
  let input: TextInput | HtmlInput;
  try {
    if (/^https?:\/\//i.test(name)) {
      input = await fetchArticle({ url: name, ...(meta.outlet === undefined ? {} : { outlet: meta.outlet }) }, fetch);
    } else {
      const bytes = await readInput(name, io);
      const isHtml = choice.html === true || (choice.text !== true && (/\.x?html?$/i.test(name) || looksLikeHtml(bytes)));
      input = isHtml ? { html: bytes, ...meta } : { text: decodeUtf8(bytes), ...meta };
    }
  } catch (error) {
    if (error instanceof IngestError) throw new CliError('io', error.message);
    throw error;
  }
  // Empty input or a binary file is a mistake to say, not an article to score.
  const problem = checkArticle(input);
  if (problem !== null) throw new CliError('input', `${name === '-' ? 'standard input' : name}: ${problem.message}`);
  return input;
}

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
function looksLikeHtml(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 1024).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(?:head|body|meta|title)\b/.test(head);
}

/** A file's bytes as UTF-8 text, without a byte-order mark (an encoding artefact, not part of the article). */
function decodeUtf8(buffer: Buffer): string {
  const text = buffer.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
