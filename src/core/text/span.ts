/** A half-open range of UTF-16 offsets into the submitted text: `text.slice(start, end)` is the evidence. */
export type Span = { start: number; end: number };
