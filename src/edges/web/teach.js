// What each finding category, voice, attribution mode and block role means, for the page's explanations
// (the "teaching mode"). Plain data: the page inserts it with textContent. The categories come from the
// service (GET /v1/categories, read from the analyzer's registry and lexicons/en/categories.jsonl), so the
// page explains exactly the categories the report uses; the rest follows the README.

/** Finding categories (report `findings[].category`): id -> {name, meaning, example}; empty if the service cannot say. */
export const CATEGORIES = await loadCategories();

async function loadCategories() {
  try {
    const response = await fetch('/v1/categories');
    if (!response.ok) return {};
    const { categories } = await response.json();
    return Object.fromEntries(categories.map((category) => [category.id, category]));
  } catch {
    // Without them the page still highlights and explains each finding, naming its category by id.
    return {};
  }
}

/** Voices (report `findings[].voice`). */
export const VOICES = {
  author: { name: "outlet's words", meaning: "The outlet's own narration: counts in full toward the loaded-language score." },
  reported: { name: "outlet's paraphrase", meaning: 'The outlet paraphrasing a speaker (indirect speech): the outlet chose these words, so they count for the outlet.' },
  quoted: { name: 'inside a quotation', meaning: "The speaker's own words in quotation marks: charged to the speaker and scored apart; they count at half weight in the article's score, since the outlet chose to print them." },
};

/** Attribution modes (report `attributions[].mode`). */
export const MODES = {
  direct: 'direct quotation',
  mixed: 'partial quotation',
  indirect: 'indirect speech',
  summary: 'summary of what was said',
  attitude: 'attitude (wants, believes, plans)',
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
