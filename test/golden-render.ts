/** The golden form of a report: the plain text rendering followed by the summary as JSON. */
import { analyze } from '../src/index.ts';
import { renderText } from '../src/core/report/render-text.ts';

/** Renders `text` (from corpus file `name`) in the form stored under test/golden/. */
export function goldenOf(name: string, text: string): string {
  const report = analyze({ text, id: name });
  return `${renderText(report, { color: false })}\nsummary ${compactArrays(JSON.stringify(report.summary, null, 2))}\n`;
}

// Arrays of numbers (a contribution's [value, contribution]) on one line, as the report's tuples read.
function compactArrays(json: string): string {
  return json.replace(/\[\n\s+([-\d.,\s]*?)\n\s*\]/g, (_, inner: string) => `[${inner.split(/,\n\s+/).join(', ')}]`);
}
