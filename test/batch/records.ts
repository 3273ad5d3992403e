/** Small batch records for the batch and queue tests: ids r1..rN, texts different enough that reports differ. */
export const SENTENCES = [
  'Officials said the plan would go ahead next month.',
  'Critics called the reckless scheme a disaster for the town.',
  '"We will not back down," the mayor told reporters on Tuesday.',
  'The council voted 7-2 to approve the budget.',
  'Opponents slammed what they called a so-called reform.',
];

/** Record `n`'s text: two of the sentences and its number. */
export function recordText(n: number): string {
  return `${SENTENCES[n % 5]} ${SENTENCES[(n * 3) % 5]} Item ${n}.`;
}
