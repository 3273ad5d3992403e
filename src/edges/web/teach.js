// What each finding category, voice, attribution mode and block role means, for the page's explanations
// (the "teaching mode"). Plain data: the page inserts it with textContent. Wording follows the README.

/** Finding categories (report `findings[].category`): a short name, what it is, why it matters, an example. */
export const CATEGORIES = {
  loaded: {
    name: 'Emotive word',
    meaning: 'A word chosen for its emotional charge more than for the information it carries.',
    example: '"slammed the plan" rather than "criticised the plan"',
  },
  label: {
    name: 'Label',
    meaning: 'A name that passes judgement on a person, group or policy instead of describing it.',
    example: '"regime" rather than "government"; "thugs" rather than "protesters"',
  },
  hyperbole: {
    name: 'Hyperbole',
    meaning: 'An exaggeration: it inflates scale, novelty or danger beyond what the facts show.',
    example: '"off the scale", "unprecedented catastrophe"',
  },
  distancing: {
    name: 'Distancing',
    meaning: 'A word that signals doubt about a name or claim without saying why.',
    example: '"the so-called reform", "self-styled experts"',
  },
  'vague-attribution': {
    name: 'Vague attribution',
    meaning: 'A claim credited to unnamed people, so the reader cannot judge who says it or why.',
    example: '"critics say", "some experts believe"',
  },
  booster: {
    name: 'Certainty booster',
    meaning: 'A word that asserts certainty the article may not have shown.',
    example: '"clearly", "undoubtedly", "of course"',
  },
  hedge: {
    name: 'Hedge',
    meaning: 'A word that softens a claim. Often honest caution; many hedges together blur who claims what.',
    example: '"may", "reportedly", "is expected to"',
  },
  intensifier: {
    name: 'Intensifier',
    meaning: 'A word that turns up the strength of the next one.',
    example: '"very difficult", "extremely dangerous"',
  },
  absolute: {
    name: 'Absolute',
    meaning: 'An all-or-nothing word that leaves no room for exceptions.',
    example: '"everyone", "never", "always"',
  },
  'reporting-verb': {
    name: 'Slanted reporting verb',
    meaning: 'A verb of saying that judges the speaker or the claim (doubt, guilt, aggression) instead of just reporting it.',
    example: '"claimed", "admitted", "accused" rather than "said"',
  },
  'scare-quote': {
    name: 'Scare quotes',
    meaning: 'Quotation marks around a word nobody in the article is quoted as saying, to cast doubt on it.',
    example: 'the "experts" who drew up the plan',
  },
};

/** Voices (report `findings[].voice`). */
export const VOICES = {
  author: { name: "outlet's words", meaning: "The outlet's own narration: counts toward the outlet's loaded-language score." },
  reported: { name: "outlet's paraphrase", meaning: 'The outlet paraphrasing a speaker (indirect speech): the outlet chose these words, so they count for the outlet.' },
  quoted: { name: 'inside a quotation', meaning: "The speaker's own words in quotation marks: charged to the speaker, not counted in the outlet's score." },
};

/** Attribution modes (report `attributions[].mode`). */
export const MODES = {
  direct: 'direct quotation',
  mixed: 'partial quotation',
  indirect: 'indirect speech',
  summary: 'summary of what was said',
  vague: 'vague source',
  'non-response': 'did not respond',
};

/** Block roles (report `paragraphs[].role`); only body paragraphs are scored. */
export const ROLES = {
  headline: 'headline',
  standfirst: 'standfirst',
  breadcrumb: 'breadcrumb',
  byline: 'byline',
  dateline: 'dateline',
  caption: 'caption',
  credit: 'credit',
  body: 'body',
  'pull-quote': 'pull quote',
  boilerplate: 'page furniture',
};

/** Reliability labels (outlet cards). */
export const RELIABILITY = {
  high: 'high',
  mixed: 'mixed',
  low: 'low',
  'very-low': 'very low',
  'not-rated': 'not rated',
};
