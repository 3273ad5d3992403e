/** The golden form of a report: the plain text rendering followed by the summary as JSON. */
import { analyze } from '../src/index.ts';
import { renderText } from '../src/core/report/render-text.ts';

/** Renders `text` (from corpus file `name`) in the form stored under test/golden/. */
export function goldenOf(name: string, text: string): string {
  const report = analyze({ text, id: name });
  return `${renderText(report, { color: false })}\nsummary ${JSON.stringify(report.summary, null, 2)}\n`;
}
