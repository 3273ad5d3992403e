// Cue classes outside the plain verbs of saying and believing: verbs of communication and stance that news
// uses for what someone said or stood for (reporting-verbs.jsonl 2.7.0), and light verbs with a speech or
// stance noun (light-verbs.jsonl 1.2.0, noun-cues.jsonl 1.5.0). Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { withRaisingVerbs } from '../../../src/core/metrics/attribution/attitudes.ts';
import { findCues } from '../../../src/core/metrics/attribution/cues.ts';
import { findLightVerbCues, mergeCues } from '../../../src/core/metrics/attribution/noun-cues.ts';
import { findReportedSpeech } from '../../../src/core/metrics/attribution/reported-speech.ts';
import { findingRow, reportedRowsOf } from './render.ts';
import { scanOf } from './scan-of.ts';

// Reported speech with light-verb cues merged in, as rows.
function lightRowsOf(text: string): string[] {
  const scan = scanOf(text);
  const cues = mergeCues(withRaisingVerbs(scan, findCues(scan)), findLightVerbCues(scan));
  return findReportedSpeech(scan, cues, new Uint8Array(cues.length)).findings.map((finding) => findingRow(scan, finding));
}

describe('verbs of communication and stance outside the speech list', () => {
  it.each([
    ['balk at', 'The mayor balked at the cost of the new pier.', ['summary The mayor|balked at|balked at the cost of the new pier']],
    ['deem', 'The inspector deemed the ferry unsafe.', ['summary The inspector|deemed|deemed the ferry unsafe']],
    ['distance himself from', 'Holt distanced himself from the harbour plan.', ['summary Holt|distanced himself from|distanced himself from the harbour plan']],
    ['fire back', 'The senator fired back at her critics on the council.', ['summary The senator|fired back|fired back at her critics on the council']],
    ['hint that reports a clause', 'Patel hinted that the pier could reopen in May.', ['indirect Patel|hinted that|the pier could reopen in May']],
    ['lay out', 'Holt laid out his plan for the harbour.', ['summary Holt|laid out|laid out his plan for the harbour']],
    ['liken', 'Berg likened the toll to a tax on the poor.', ['summary Berg|likened|likened the toll to a tax on the poor']],
    ['encourage, a directive act', 'The mayor encouraged residents to use the ferry.', ['summary The mayor|encouraged|encouraged residents to use the ferry']],
    ['walk back', 'The senator walked back her comments on the pier.', ['summary The senator|walked back|walked back her comments on the pier']],
    ['break with', 'Holt broke with the mayor over the pier tax.', ['summary Holt|broke with|broke with the mayor over the pier tax']],
    ['booed', 'The crowd booed the mayor as she spoke.', ['summary The crowd|booed|booed the mayor as she spoke']],
    ['the weather is forecast by no one', 'Rain is forecast for Sunday.', []],
    ['named chooses someone', 'The president named Berg as her choice for the harbour board.', ['summary The president|named|named Berg as her choice for the harbour board']],
    ['named after an indefinite phrase is a participle', 'A ferry named Gull Star sank in May.', []],
    ['identified as', 'Police identified the driver as a local man.', ['summary Police|identified|identified the driver as a local man']],
    ['challenged', 'Patel challenged the mayor on the cost of the pier.', ['summary Patel|challenged|challenged the mayor on the cost of the pier']],
    ['confront', 'Fishermen confronted the mayor about the pier tax.', ['summary Fishermen|confronted|confronted the mayor about the pier tax']],
    ['a literal blow is no speech', 'The storm knocked out power to the harbour.', []],
    ['chanted', 'The crowd chanted her name as she arrived.', ['summary The crowd|chanted|chanted her name as she arrived']],
    ['referenced', 'Berg referenced the 1998 flood in her speech.', ['summary Berg|referenced|referenced the 1998 flood in her speech']],
    ['advocates is a noun, not the verb', 'Local advocates hailed the decision.', ['summary Local advocates|hailed|hailed the decision']],
    ['the newspaper is no verb', 'As the Harbour Post noted, the pier was late.', ['indirect the Harbour Post|noted|the pier was late']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRowsOf(text)).toEqual(expected);
  });
});

describe('light verbs with a speech or stance noun', () => {
  it.each([
    ['had words for', 'Berg had harsh words for the mayor.', ['indirect Berg|had harsh words for|the mayor']],
    ['has a plan to is an attitude', 'Holt has a plan to rebuild the pier.', ['attitude Holt|has a plan to|rebuild the pier']],
    ['heaped praise on', 'Berg heaped praise on the ferry crew.', ['indirect Berg|heaped praise on|the ferry crew']],
    ['cast doubt on', 'The auditor cast doubt on the harbour accounts.', ['indirect The auditor|cast doubt on|the harbour accounts']],
    ['have as an auxiliary leaves the cue to the next light verb', 'Holt has made no secret of his plans.', ['indirect Holt|made no secret of|his plans']],
    ['have with no noun cue is no cue', 'Holt has a boat in the harbour.', []],
  ])('%s', (_name, text, expected) => {
    expect(lightRowsOf(text)).toEqual(expected);
  });
});
