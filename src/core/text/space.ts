/**
 * What `/\s/` matches, read one UTF-16 unit at a time: the segmenter's scans test a char code in place instead
 * of slicing a one-character string for a regex. ASCII is decided by comparisons.
 */

/** Whether the UTF-16 unit `code` is white space as `/\s/` defines it (false for -1, past the text's end). */
export function isSpaceUnit(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
