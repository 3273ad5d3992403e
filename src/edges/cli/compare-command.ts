/**
 * `slant compare A B [C...]`: several reports of one story side by side. Each argument is a file (plain text
 * or a saved page), an http(s) URL (fetched, private addresses refused) or `-` (standard input, once). Each
 * article is analysed as `slant analyze` would, then the reports are compared (src/core/compare).
 */
import { parseArgs } from 'node:util';
import { analyze, type AnalyzeOptions } from '../../analyze.ts';
import { compareReports, MAX_ARTICLES, renderComparison, type NamedReport } from '../../core/compare/index.ts';
import { loadLexicons } from '../../core/data/index.ts';
import { fetchOptions, readArticle } from './article-input.ts';
import { CliError, write, type CliIo } from './io.ts';

export const COMPARE_USAGE = `slant compare A B [C...] [--format text|json] [--json]
                                      2 to ${MAX_ARTICLES} reports of one story side by side: who is heard and how,
                                      word choice for the same thing, what only one has, figures;
                                      A, B... are files, URLs or - (standard input, once)
  fetching: --timeout MS (10000), --max-bytes N (5 MB), --allow-private`;

/** Runs `slant compare`; resolves to the exit code, throws CliError on usage and input errors. */
export async function compareCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help === true) {
    await write(io.stdout, `Usage:\n  ${COMPARE_USAGE}\n`);
    return 0;
  }
  if (positionals.length < 2 || positionals.length > MAX_ARTICLES) throw new CliError('usage', `slant compare takes 2 to ${MAX_ARTICLES} articles (files, URLs or -), got ${positionals.length} (see slant compare --help)`);
  if (positionals.filter((name) => name === '-').length > 1) throw new CliError('usage', 'standard input (-) can be read only once');
  const format = values.json === true ? 'json' : (values.format ?? (io.stdoutIsTTY ? 'text' : 'json'));
  if (format !== 'text' && format !== 'json') throw new CliError('usage', `--format must be text or json, got "${format}"`);
  const lexicons = loadLexicons();
  const options: AnalyzeOptions = { lexicons, fetch: fetchOptions(values) };
  const reports: NamedReport[] = [];
  for (const name of positionals) {
    const input = await readArticle(name, io, options.fetch);
    reports.push({ name: name === '-' ? 'standard input' : name, report: analyze(input, options) });
  }
  const comparison = compareReports(reports, { lexicons });
  await write(io.stdout, format === 'json' ? `${JSON.stringify(comparison, null, 2)}\n` : renderComparison(comparison));
  return 0;
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        json: { type: 'boolean' },
        timeout: { type: 'string' },
        'max-bytes': { type: 'string' },
        'allow-private': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CliError('usage', `${(error as Error).message} (see slant compare --help)`);
  }
}
