/**
 * Reading what a caller passed to `analyze()`: a string, or an object with exactly one of `text`, `html` or
 * `url`. Input of the wrong shape throws InputError with one short line naming what was wrong and where
 * (`analyze(42)`: "analyze() takes a string or an object with text, html or url; got a number"), and zod's
 * issues for programs; never a dump of the union's every branch.
 */
import { describeIssues } from './describe-issues.ts';
import { htmlInputSchema, textInputSchema, urlInputSchema, type AnalyzeInput } from './schema.ts';

/** Input of the wrong shape for `analyze()`; `issues` holds zod's issues (empty when the shape itself is wrong). */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly code = 'invalid-input';
  readonly issues: readonly unknown[];
  constructor(message: string, issues: readonly unknown[] = []) {
    super(message);
    this.issues = issues;
  }
}

const SOURCES = ['text', 'html', 'url'] as const;

/** The input, validated; throws InputError naming the problem. */
export function parseAnalyzeInput(input: unknown): AnalyzeInput {
  if (typeof input === 'string') return input;
  if (typeof input !== 'object' || input === null || Array.isArray(input) || input instanceof Uint8Array) {
    throw new InputError(`analyze() takes a string or an object with text, html or url; got ${kindOf(input)}`);
  }
  const given = SOURCES.filter((key) => (input as Record<string, unknown>)[key] !== undefined);
  const sources = given.filter((key) => key !== 'url');
  if (given.length === 0) throw new InputError('analyze() needs the article as text, html or url; the object has none of them');
  if (sources.length > 1) throw new InputError('analyze() takes text or html, not both');
  const schema = sources[0] === 'text' ? textInputSchema : sources[0] === 'html' ? htmlInputSchema : urlInputSchema;
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InputError(`invalid input to analyze(): ${describeIssues(parsed.error.issues)}`, parsed.error.issues);
  return parsed.data;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Uint8Array) return 'bytes (pass a page as {html: bytes})';
  const type = typeof value;
  return type === 'undefined' ? 'nothing' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}
