/**
 * Step 1 of ingestion: bytes to text. The encoding is taken, in order, from a byte-order mark, the
 * Content-Type header's `charset`, a `<meta charset>` / `<meta http-equiv=Content-Type>` in the first 1024
 * bytes (HTML only), and otherwise UTF-8, or windows-1252 when the bytes are not valid UTF-8 (what
 * browsers do for unlabelled legacy pages). Labels are mapped as the WHATWG Encoding Standard does
 * (https://encoding.spec.whatwg.org/#names-and-labels), so `iso-8859-1` and `us-ascii` decode as
 * windows-1252 and `gb2312` as GB18030, then decoded with iconv-lite.
 */
import { iconvLibrary } from './libraries.ts';

/** Where the encoding was found, for callers that want to explain a decoding. */
export type CharsetSource = 'bom' | 'content-type' | 'meta' | 'utf-8-default' | 'windows-1252-fallback';

export type DecodedBytes = { text: string; charset: string; source: CharsetSource };

/**
 * WHATWG labels whose encoding differs from what iconv-lite would pick for the label, or that iconv-lite
 * does not know; keys are labels (lower case), values iconv-lite encoding names. Labels not listed here
 * are handed to iconv-lite as they are.
 */
const LABEL_TO_ENCODING: Readonly<Record<string, string>> = {
  // The web's "latin1" is windows-1252: pages labelled iso-8859-1 use the C1 range for curly quotes.
  'ansi_x3.4-1968': 'windows-1252',
  ascii: 'windows-1252',
  cp819: 'windows-1252',
  csisolatin1: 'windows-1252',
  ibm819: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso-ir-100': 'windows-1252',
  'iso8859-1': 'windows-1252',
  iso88591: 'windows-1252',
  'iso_8859-1': 'windows-1252',
  'iso_8859-1:1987': 'windows-1252',
  l1: 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  // No decoder for x-user-defined in iconv-lite; its ASCII half matches windows-1252.
  'x-user-defined': 'windows-1252',
  // Microsoft's code page names for the windows-125x encodings.
  ...Object.fromEntries(['1250', '1251', '1252', '1253', '1254', '1255', '1256', '1257', '1258'].flatMap((n) => [[`cp${n}`, `windows-${n}`], [`x-cp${n}`, `windows-${n}`]])),
  // Latin-5 is windows-1254 on the web, Thai is windows-874.
  csisolatin5: 'windows-1254',
  'iso-8859-9': 'windows-1254',
  'iso-ir-148': 'windows-1254',
  'iso8859-9': 'windows-1254',
  iso88599: 'windows-1254',
  'iso_8859-9': 'windows-1254',
  'iso_8859-9:1989': 'windows-1254',
  l5: 'windows-1254',
  latin5: 'windows-1254',
  'dos-874': 'windows-874',
  'iso-8859-11': 'windows-874',
  'iso8859-11': 'windows-874',
  iso885911: 'windows-874',
  'tis-620': 'windows-874',
  // GBK and GB2312 labels use the GB18030 decoder (a superset).
  chinese: 'gb18030',
  csgb2312: 'gb18030',
  csiso58gb231280: 'gb18030',
  gb2312: 'gb18030',
  gb_2312: 'gb18030',
  'gb_2312-80': 'gb18030',
  gbk: 'gb18030',
  'iso-ir-58': 'gb18030',
  'x-gbk': 'gb18030',
  // Big5 on the web includes the HKSCS extensions.
  big5: 'big5hkscs',
  'big5-hkscs': 'big5hkscs',
  'cn-big5': 'big5hkscs',
  csbig5: 'big5hkscs',
  'x-x-big5': 'big5hkscs',
  // Shift_JIS on the web is Microsoft's code page 932 (NEC and IBM extensions).
  csshiftjis: 'cp932',
  ms932: 'cp932',
  ms_kanji: 'cp932',
  'shift-jis': 'cp932',
  shift_jis: 'cp932',
  sjis: 'cp932',
  'windows-31j': 'cp932',
  'x-sjis': 'cp932',
  // EUC-KR on the web is code page 949 (Unified Hangul Code).
  cseuckr: 'cp949',
  csksc56011987: 'cp949',
  'euc-kr': 'cp949',
  'iso-ir-149': 'cp949',
  korean: 'cp949',
  'ks_c_5601-1987': 'cp949',
  'ks_c_5601-1989': 'cp949',
  ksc5601: 'cp949',
  ksc_5601: 'cp949',
  'windows-949': 'cp949',
  cseucpkdfmtjapanese: 'euc-jp',
  'x-euc-jp': 'euc-jp',
  // UTF-16 without an endianness is little-endian on the web.
  csunicode: 'utf-16le',
  'iso-10646-ucs-2': 'utf-16le',
  'ucs-2': 'utf-16le',
  unicode: 'utf-16le',
  unicodefeff: 'utf-16le',
  'utf-16': 'utf-16le',
  unicodefffe: 'utf-16be',
  'iso-8859-8-i': 'iso-8859-8',
  'csiso88598i': 'iso-8859-8',
  logical: 'iso-8859-8',
  'x-mac-cyrillic': 'maccyrillic',
  'x-mac-ukrainian': 'maccyrillic',
  'x-mac-roman': 'macintosh',
  csmacintosh: 'macintosh',
  mac: 'macintosh',
  ibm866: 'cp866',
  '866': 'cp866',
  csibm866: 'cp866',
  'unicode-1-1-utf-8': 'utf-8',
  unicode11utf8: 'utf-8',
  unicode20utf8: 'utf-8',
  utf8: 'utf-8',
  'x-unicode20utf8': 'utf-8',
};

/** The iconv-lite encoding for a charset label, or undefined for a label nobody knows (which is then ignored). */
export function encodingForLabel(label: string): string | undefined {
  const key = label.trim().replace(/^["']|["']$/g, '').trim().toLowerCase();
  if (key === '') return undefined;
  const mapped = LABEL_TO_ENCODING[key] ?? key;
  return iconvLibrary().encodingExists(mapped) ? mapped : undefined;
}

/** The `charset` parameter of a Content-Type value, as written (unquoted), if any. */
export function charsetParameter(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const match = /;\s*charset\s*=\s*("([^"]*)"|[^\s;]*)/i.exec(contentType);
  if (!match) return undefined;
  const value = match[2] ?? match[1] ?? '';
  return value === '' ? undefined : value;
}

/** The encoding announced by a byte-order mark, and the BOM's length in bytes. */
function encodingFromBom(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return undefined;
}

/**
 * The charset declared by a `<meta>` element in the first 1024 bytes, a simplified form of the WHATWG
 * prescan (comments skipped, attributes read in any order and quoting).
 */
export function charsetFromMetaPrescan(bytes: Uint8Array): string | undefined {
  // latin1 maps each byte to one code unit, so ASCII markup is readable whatever the real encoding is.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  const withoutComments = head.replace(/<!--[\s\S]*?(-->|$)/g, '');
  for (const tag of withoutComments.matchAll(/<meta[\s/]([^>]*)/gi)) {
    const attributes = readAttributes(tag[1] ?? '');
    const charset = attributes.get('charset');
    if (charset !== undefined && charset !== '') return charset;
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-type') {
      const fromContent = /charset\s*=\s*["']?([^"'\s;]+)/i.exec(attributes.get('content') ?? '');
      if (fromContent?.[1]) return fromContent[1];
    }
  }
  return undefined;
}

function readAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/g)) {
    const name = (match[1] ?? '').toLowerCase();
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeWith(bytes: Uint8Array, encoding: string): string {
  // iconv-lite strips a BOM it recognises; callers have already skipped one found by sniffing.
  return iconvLibrary().decode(bytes, encoding, { stripBOM: true });
}

function decodeUnlabelled(bytes: Uint8Array): DecodedBytes {
  try {
    return { text: strictUtf8.decode(bytes), charset: 'utf-8', source: 'utf-8-default' };
  } catch {
    return { text: decodeWith(bytes, 'windows-1252'), charset: 'windows-1252', source: 'windows-1252-fallback' };
  }
}

/** Decode an HTML document's bytes: BOM, then Content-Type charset, then `<meta>` prescan, then UTF-8/windows-1252. */
export function decodeHtmlBytes(bytes: Uint8Array, contentType?: string): DecodedBytes {
  const bom = encodingFromBom(bytes);
  if (bom) return { text: decodeWith(bytes.subarray(bom.length), bom.encoding), charset: bom.encoding, source: 'bom' };
  const fromHeader = encodingForLabel(charsetParameter(contentType) ?? '');
  if (fromHeader) return { text: decodeWith(bytes, fromHeader), charset: fromHeader, source: 'content-type' };
  const declared = charsetFromMetaPrescan(bytes);
  let fromMeta = declared === undefined ? undefined : encodingForLabel(declared);
  // A document readable as ASCII cannot really be UTF-16; the standard decodes it as UTF-8 instead.
  if (fromMeta === 'utf-16le' || fromMeta === 'utf-16be') fromMeta = 'utf-8';
  if (fromMeta) return { text: decodeWith(bytes, fromMeta), charset: fromMeta, source: 'meta' };
  return decodeUnlabelled(bytes);
}

/** Decode a plain-text document's bytes: BOM, then Content-Type charset, then UTF-8/windows-1252. */
export function decodeTextBytes(bytes: Uint8Array, contentType?: string): DecodedBytes {
  const bom = encodingFromBom(bytes);
  if (bom) return { text: decodeWith(bytes.subarray(bom.length), bom.encoding), charset: bom.encoding, source: 'bom' };
  const fromHeader = encodingForLabel(charsetParameter(contentType) ?? '');
  if (fromHeader) return { text: decodeWith(bytes, fromHeader), charset: fromHeader, source: 'content-type' };
  return decodeUnlabelled(bytes);
}
