/**
 * The batch route's stream: NDJSON lines are read as they arrive, analysed a few at a time, and written
 * back in input order, one report or `{line, id?, error}` per non-blank input line. The request body is
 * never held whole, and a slow reader slows the analyses down (pull-based backpressure).
 */
import type { FetchOptions } from '../ingest/index.ts';
import { PoolOverloadedError } from '../pool/index.ts';
import { reportJsonText, type Analyzer } from './analysis.ts';
import { toApiError } from './http-errors.ts';
import { resolveArticle, type InputLimits } from './request-input.ts';
import { batchRecordSchema } from './route-schemas.ts';
import { errorLine } from '../../core/report/error-line.ts';

export type BatchLimits = {
  /** lines analysed per request; the line after the last is answered with an error and the rest is not read */
  maxLines: number;
  /** bytes read per request; past it, one error line ends the response */
  maxBytes: number;
  /** bytes per line, the single-request body limit; a longer line is answered `line-too-long` and skipped */
  maxLineBytes: number;
  /** analyses in flight per request */
  concurrency: number;
  timeoutMs: number;
  /** ms the server may wait for the bytes of one line (time spent analysing not counted); past it, one error line ends the response */
  lineTimeoutMs: number;
  fetch: FetchOptions;
  /** caps on one article (paragraphs, HTML elements and depth), as for single requests */
  input: InputLimits;
};

// A line of the body (CR before the LF is left to JSON.parse, which takes it as white space), or one past the cap.
type Line = { number: number; text: string; tooLong?: true };

class BodyTooLargeError extends Error {}
class LineTimeoutError extends Error {}

// A read that gives up after `ms`: a client trickling a line a byte at a time cannot hold a batch slot forever.
async function readWithin(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): ReturnType<ReadableStreamDefaultReader<Uint8Array>["read"]> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new LineTimeoutError()), ms)));
  try {
    return await Promise.race([reader.read(), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Splits a byte stream into lines (LF or CRLF), counting bytes against `maxBytes`. Each chunk is searched
 * once for newline bytes and a line's bytes are joined once, so a long line costs time in proportion to
 * its length (re-scanning the text kept so far on every chunk made a 32 MB line take a minute). A line
 * longer than `maxLineBytes` is given as `tooLong` as soon as it passes the cap, and the rest of it is
 * skipped unread. The time spent waiting for the bytes of one line is limited to `lineTimeoutMs` (the
 * time the consumer takes between lines is not counted, so backpressure from analyses never counts).
 */
async function* readLines(body: ReadableStream<Uint8Array>, limits: { maxBytes: number; maxLineBytes: number; lineTimeoutMs: number }): AsyncGenerator<Line> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let size = 0;
  let number = 0;
  let waited = 0;
  // The current line's bytes so far, and whether it already passed the cap (then its bytes are dropped).
  let parts: Uint8Array[] = [];
  let lineBytes = 0;
  let skipping = false;
  const take = (piece: Uint8Array): Line | null => {
    lineBytes += piece.byteLength;
    if (skipping) return null;
    if (lineBytes > limits.maxLineBytes) {
      skipping = true;
      parts = [];
      return { number: number + 1, text: '', tooLong: true };
    }
    if (piece.byteLength > 0) parts.push(piece);
    return null;
  };
  const endLine = (): Line | null => {
    const text = skipping ? null : decoder.decode(parts.length === 1 ? parts[0] : Buffer.concat(parts));
    number++;
    parts = [];
    lineBytes = 0;
    skipping = false;
    return text === null ? null : { number, text };
  };
  try {
    for (;;) {
      const started = performance.now();
      const { done, value } = await readWithin(reader, Math.max(1, limits.lineTimeoutMs - waited));
      waited += performance.now() - started;
      if (done) break;
      size += value.byteLength;
      if (size > limits.maxBytes) throw new BodyTooLargeError();
      let from = 0;
      for (let newline = value.indexOf(10); newline !== -1; newline = value.indexOf(10, from)) {
        const early = take(value.subarray(from, newline));
        if (early !== null) yield early;
        const line = endLine();
        if (line !== null) yield line;
        from = newline + 1;
        waited = 0;
      }
      const early = take(value.subarray(from));
      if (early !== null) yield early;
    }
    if (lineBytes > 0 || parts.length > 0) {
      const line = endLine();
      if (line !== null) yield line;
    }
  } catch (error) {
    // The read still waiting on the socket is cancelled, so the lock can be released.
    if (error instanceof LineTimeoutError) await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
}

const OVERLOAD_RETRY_MS = 25;

/** One line's output: the report JSON as the analyzer made it, or an error line. */
async function analyzeLine(line: Line, analyzer: Analyzer, limits: BatchLimits): Promise<string> {
  if (line.tooLong === true) return errorLine({ line: line.number }, { code: 'line-too-long', message: `line ${line.number} is longer than ${limits.maxLineBytes} bytes (the single-request body limit); it was not read` });
  let json: unknown;
  try {
    json = JSON.parse(line.text);
  } catch (error) {
    return errorLine({ line: line.number }, { code: 'invalid-json', message: 'the line is not valid JSON', details: { reason: (error as Error).message } });
  }
  const id = typeof json === 'object' && json !== null && 'id' in json ? (json as { id: unknown }).id : undefined;
  const shownId = typeof id === 'string' || typeof id === 'number' ? id : undefined;
  const parsed = batchRecordSchema.safeParse(json);
  if (!parsed.success) return errorLine({ line: line.number, id: shownId }, { code: 'invalid-record', message: 'the line does not match the record schema', details: parsed.error.issues });
  const { options, ...record } = parsed.data;
  const timeoutMs = Math.min(options?.timeoutMs ?? limits.timeoutMs, limits.timeoutMs);
  const deadline = performance.now() + timeoutMs;
  try {
    const input = await resolveArticle({ ...record, id: record.id === undefined ? undefined : String(record.id) }, limits.fetch, limits.input);
    // A batch shares the pool with single requests: when the queue is full, wait for room rather than fail
    // the line, until the line's own time budget is spent.
    for (;;) {
      try {
        // One NDJSON line: a worker's bytes become text here, to be joined with the line's newline.
        return reportJsonText(await analyzer.analyzeJson(input, { timeoutMs }));
      } catch (error) {
        if (!(error instanceof PoolOverloadedError) || performance.now() + OVERLOAD_RETRY_MS > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, OVERLOAD_RETRY_MS));
      }
    }
  } catch (error) {
    const api = toApiError(error);
    return errorLine({ line: line.number, id: shownId }, { code: api.code, message: api.message, details: api.details });
  }
}

/**
 * The output lines for an NDJSON body, in input order. Up to `concurrency` lines are analysed ahead of the
 * writer, and each answer is written as soon as it and those before it are done, without waiting for the
 * next input line (a client may send a line and wait for its answer).
 */
export async function* batchOutput(body: ReadableStream<Uint8Array>, analyzer: Analyzer, limits: BatchLimits): AsyncGenerator<string> {
  const input = readLines(body, limits);
  const ahead: Promise<string>[] = [];
  let reading: Promise<IteratorResult<Line>> | null = null;
  let inputDone = false;
  let analysed = 0;
  let lineCount = 0;
  let failure: string | undefined;
  try {
    for (;;) {
      if (!inputDone && reading === null && ahead.length < limits.concurrency) reading = input.next();
      if (reading === null && ahead.length === 0) break;
      const next: { line: IteratorResult<Line> } | { answer: string } | { failed: unknown } = await Promise.race([
        ...(reading === null ? [] : [reading.then((line) => ({ line }), (failed: unknown) => ({ failed }))]),
        ...(ahead.length === 0 ? [] : [(ahead[0] as Promise<string>).then((answer) => ({ answer }))]),
      ]);
      if ('answer' in next) {
        ahead.shift();
        yield `${next.answer}\n`;
        continue;
      }
      reading = null;
      if ('failed' in next) {
        if (next.failed instanceof BodyTooLargeError) {
          failure = errorLine({}, { code: 'payload-too-large', message: `the batch body is larger than ${limits.maxBytes} bytes; the lines after the last answered were not read` });
        } else if (next.failed instanceof LineTimeoutError) {
          failure = errorLine({ line: lineCount + 1 }, { code: 'request-timeout', message: `line ${lineCount + 1} did not arrive within ${limits.lineTimeoutMs} ms; it and the rest were not read` });
        } else throw next.failed;
        inputDone = true;
        continue;
      }
      if (next.line.done === true) {
        inputDone = true;
        continue;
      }
      const line = next.line.value;
      lineCount = line.number;
      if (line.tooLong !== true && line.text.trim() === '') continue;
      if (analysed === limits.maxLines) {
        failure = errorLine({ line: line.number }, { code: 'too-many-lines', message: `a batch holds at most ${limits.maxLines} lines; this line and the rest were not read` });
        inputDone = true;
        continue;
      }
      analysed++;
      ahead.push(analyzeLine(line, analyzer, limits));
    }
    if (failure !== undefined) yield `${failure}\n`;
  } finally {
    if (reading === null) await input.return(undefined);
  }
}

/** A byte stream of `lines`, pulled as the client reads; `done` resolves with the line count when it ends. */
export function ndjsonStream(lines: AsyncGenerator<string>): { stream: ReadableStream<Uint8Array>; done: Promise<{ lines: number }> } {
  const encoder = new TextEncoder();
  let count = 0;
  let finish: (value: { lines: number }) => void = () => {};
  const done = new Promise<{ lines: number }>((resolve) => (finish = resolve));
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await lines.next();
        if (next.done === true) {
          controller.close();
          finish({ lines: count });
        } else {
          count++;
          controller.enqueue(encoder.encode(next.value));
        }
      } catch {
        // Headers are gone already: end the stream with a last line rather than cut it silently.
        controller.enqueue(encoder.encode(`${errorLine({}, { code: 'internal', message: 'internal error; the batch was cut short' })}\n`));
        controller.close();
        finish({ lines: count });
      }
    },
    async cancel() {
      finish({ lines: count });
      await lines.return(undefined);
    },
  });
  return { stream, done };
}
