/** The analyzer's version, recorded in every report; a test keeps it equal to package.json's. */
export const ANALYZER_VERSION = '0.1.0';
/** Source tag for findings produced by rules in code rather than lexicon entries. */
export const RULES_SOURCE = `rules@${ANALYZER_VERSION}`;
