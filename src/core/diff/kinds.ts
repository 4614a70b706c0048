/** Section titles of diff output, in the order kinds are listed. */
export const KIND_TITLES: readonly [string, string][] = [
  ["Engagement", "Engagement"],
  ["Portfolio", "Portfolios"],
  ["Project", "Projects"],
  ["Risk", "Risks"],
  ["Issue", "Issues"],
  ["Decision", "Decisions"],
  ["Person", "People"],
];
