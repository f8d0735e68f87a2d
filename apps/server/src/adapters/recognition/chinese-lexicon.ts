import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * A general Chinese word list with frequencies: jieba's dictionary (349 046 words counted in a large general corpus,
 * `word count part-of-speech` a line), shipped inside the `@node-rs/jieba` npm package. Only its text file is read;
 * the segmenter itself is not used. Loaded once, on first use: about 40 MB and half a second.
 */
export interface Lexicon {
  /** log(count / total) of a word of two characters or more; undefined when it is not in the list */
  logFrequency(word: string): number | undefined;
  /** whether some word of the list starts with `start` and is longer */
  continues(start: string): boolean;
  /** the longest word of the list worth looking for, in characters */
  longest: number;
}

/** Longer entries are idioms and phrases; an address or a company name is read as words shorter than this. */
const LONGEST = 6;

function loadJieba(): Lexicon {
  const path = createRequire(import.meta.url).resolve("@node-rs/jieba/dict.txt");
  const counts = new Map<string, number>();
  let total = 0;
  for (const entry of readFileSync(path, "utf8").split("\n")) {
    const [word = "", count = ""] = entry.split(" ");
    const n = Number(count);
    if (!word || !(n > 0)) continue;
    total += n;
    const length = [...word].length;
    if (length >= 2 && length <= LONGEST) counts.set(word, n);
  }
  const starts = new Set<string>();
  for (const word of counts.keys()) for (let end = 1; end < word.length; end++) starts.add(word.slice(0, end));
  const logTotal = Math.log(total);
  return {
    logFrequency: (word) => {
      const n = counts.get(word);
      return n === undefined ? undefined : Math.log(n) - logTotal;
    },
    continues: (start) => starts.has(start),
    longest: LONGEST,
  };
}

let lexicon: Lexicon | undefined;

export function chineseLexicon(): Lexicon {
  lexicon ??= loadJieba();
  return lexicon;
}
