import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/index.ts';

// A feeling after "be" and "agree with" are said of things too: only a person or a group holds a view. And the
// cause after "by" ("shaken by X") is the writer's description, not the words of the one who feels.

/** `mode speaker|cue|content` rows of the whole analysis of `text`. */
function analysedRows(text: string): string[] {
  const report = analyze(text);
  const said = (span: readonly [number, number, ...unknown[]] | null): string => (span === null ? '-' : report.text.slice(span[0], span[1]));
  return report.attributions.map((a) => `${a.mode} ${said(a.speaker)}|${said(a.cue)}|${said(a.content)}`);
}

/** `text: voice` of each loaded-language finding of `text`. */
function voicesOf(text: string): string[] {
  const voices: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.voice === 'string' && typeof record.text === 'string') voices.push(`${record.text}: ${record.voice}`);
      else Object.values(record).forEach(walk);
    }
  };
  walk(analyze(text).paragraphs);
  return voices;
}

describe('a thing holds no view: a feeling after "be" with "by" or "on", and "agree with", need a person or a group', () => {
  it.each([
    ['a bridge shaken by an earthquake', 'The bridge was shaken by the earthquake.', []],
    ['a vase upset by a cat', 'The vase was upset by the cat.', []],
    ['windows rattled by a storm', 'The windows were rattled by the storm.', []],
    ['a rope split on one end', 'The rope was split on one end.', []],
    ['figures agreeing with a forecast', 'The figures agree with the forecast.', []],
    ['a name still holds the feeling', 'Holt was upset by the vote.', ['attitude Holt|was upset by|the vote']],
    ['a role in the plural still holds it', 'Residents were shaken by the earthquake.', ['attitude Residents|were shaken by|the earthquake']],
    ['a personal pronoun still agrees', 'They agree with the forecast.', ['attitude They|agree with|the forecast']],
    ['a group split on a question', 'The council was split on the ferry plan.', ['attitude The council|was split on|the ferry plan']],
  ])('%s', (_name, text, expected) => {
    expect(analysedRows(text)).toEqual(expected);
  });
});

describe('the cause of a feeling keeps the writer\'s voice', () => {
  it('loaded words after "shaken by" are the outlet\'s, not the residents\'', () => {
    const voices = voicesOf('Residents were shaken by the disgraceful, corrupt mayor.');
    expect(voices.length).toBeGreaterThan(0);
    expect(voices.every((voice) => voice.endsWith(': author'))).toBe(true);
  });
  it('what someone believes is still reported in their voice', () => {
    const voices = voicesOf('Residents believe the disgraceful, corrupt mayor lied.');
    expect(voices.length).toBeGreaterThan(0);
    expect(voices.every((voice) => voice.endsWith(': reported'))).toBe(true);
  });
});
