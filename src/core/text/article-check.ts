/**
 * Is this an article at all? Empty input, white space only, or the bytes of a binary file (a program, an
 * image, a zip) would be analysed into a report of nonsense (`/bin/ls` gave 428 paragraphs at the 98th
 * subjectivity percentile). The edges refuse such input with a clear error; `analyze()` itself still returns
 * a report for any string, so a caller that wants one gets one.
 */

export type NotAnArticle = {
  /** `empty`: nothing but white space; `not-text`: control characters or undecodable bytes (a binary file) */
  readonly code: 'empty' | 'not-text';
  readonly message: string;
};

// How much of the start is read: a binary file shows itself at once, and a long text is not scanned twice.
const SAMPLE = 65_536;
// Text written by people has almost none of these; a binary file read as UTF-8 or Latin-1 has many. Set well
// above what mis-decoded text shows (a few replacement characters in a Windows-1252 file read as UTF-8).
const MAX_CONTROL_SHARE = 0.05;

/** Why `text` is not an article (empty or binary), or null; reads at most the first 65,536 UTF-16 units. */
export function notAnArticle(text: string): NotAnArticle | null {
  if (text.trim() === '') return { code: 'empty', message: text === '' ? 'the text is empty' : 'the text is only white space' };
  const length = Math.min(text.length, SAMPLE);
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return notText('a NUL character', i);
    if (isControl(code)) controls++;
  }
  if (controls / length <= MAX_CONTROL_SHARE) return null;
  const share = Math.round((100 * controls) / length);
  return { code: 'not-text', message: `this is not text: ${share}% of its first ${length.toLocaleString('en')} characters are control characters or undecodable bytes (a binary file?)` };
}

/** The same for bytes (a page whose charset decides its decoding): NUL or control bytes mean a binary file. */
export function notAnArticleBytes(bytes: Uint8Array): NotAnArticle | null {
  const length = Math.min(bytes.length, SAMPLE);
  let controls = 0;
  let blank = true;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i] as number;
    if (byte === 0) return notText('a NUL byte', i);
    // Bytes of 0x80 and above belong to multi-byte characters in any charset: only C0 controls tell here.
    if (byte < 0x20 && !isWhiteSpace(byte)) controls++;
    if (blank && byte !== 0x20 && !isWhiteSpace(byte)) blank = false;
  }
  if (blank && bytes.length <= SAMPLE) return { code: 'empty', message: bytes.length === 0 ? 'the page is empty' : 'the page is only white space' };
  if (length === 0 || controls / length <= MAX_CONTROL_SHARE) return null;
  const share = Math.round((100 * controls) / length);
  return { code: 'not-text', message: `this is not text: ${share}% of its first ${length.toLocaleString('en')} bytes are control bytes (a binary file?)` };
}

function notText(what: string, offset: number): NotAnArticle {
  return { code: 'not-text', message: `this is not text: it holds ${what} at offset ${offset} (a binary file?)` };
}

// C0 and C1 controls other than white space, DEL, and U+FFFD, which stands for bytes that did not decode.
function isControl(code: number): boolean {
  if (code < 0x20) return !isWhiteSpace(code);
  return code === 0x7f || (code >= 0x80 && code <= 0x9f) || code === 0xfffd;
}

// Tab, line feed, vertical tab, form feed, carriage return.
function isWhiteSpace(code: number): boolean {
  return code >= 0x09 && code <= 0x0d;
}
