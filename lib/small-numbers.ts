/**
 * The one small-numbers threshold. Any figure that aggregates people's answers,
 * shown to someone who may not see the individual answers, is withheld when it
 * is made of fewer than this many other people's answers (the Office for
 * National Statistics and NHS Digital suppress small counts the same way).
 * Every later view that aggregates people's answers (check-ins, team views)
 * must reuse this constant, never a number of its own, and never go below it.
 * lib/expectations/small-numbers.ts applies it to expectations checks.
 */
export const SMALL_GROUP_THRESHOLD = 3;
