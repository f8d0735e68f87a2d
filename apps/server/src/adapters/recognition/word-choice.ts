import { chineseLexicon, type Lexicon } from "./chinese-lexicon";
import type { Alternatives } from "./edit-distance";

/** Text as the recogniser read it: per character its probability and its next likeliest characters. */
export interface ReadText {
  text: string;
  confidence: number[];
  alternatives: Alternatives[];
}

/** A character read at least this surely keeps its reading. */
const DOUBTFUL = 0.9;
/** An alternative less likely than this is not considered. */
const ODDS = 0.02;
/**
 * What a character that is no part of a word counts, as a log-frequency: about a rare word's (the lexicon's total
 * is 6·10⁷, so its rarest words are at −17.9), whichever the character — a frequent one such as 在 gains nothing
 * over a rare one. A two-character word thus counts at least 6 more than its two characters alone.
 */
const SINGLE = -12;
/**
 * How much the recogniser's log-probabilities weigh against the lexicon's log-frequencies: enough that a word far
 * more frequent than another (江海 270 times, 辽海 3) does not win over a character read four times as likely.
 */
const RECOGNISER_WEIGHT = 4;

const isHan = (char: string) => /\p{Script=Han}/u.test(char);

/** Whether a character of the reading was read unsurely enough for the lexicon to have a say. */
export const hasDoubts = (read: ReadText) => read.confidence.some((probability) => probability < DOUBTFUL);

interface Option {
  char: string;
  probability: number;
}

interface Path {
  score: number;
  chars: string[];
}

/**
 * The reading whose characters, each the recogniser's own or one of its alternatives where it was unsure, best
 * split into words of a general lexicon: 潮海大街 read with 渤 as 潮's alternative is 渤海大街. A split scores its
 * words' log-frequencies (SINGLE for a character in no word) plus the recogniser's log-probabilities of the
 * characters taken, weighted; the best split over all readings is found word by word (Viterbi), so a line costs a
 * fraction of a millisecond.
 */
export function chooseWords(read: ReadText, lexicon: Lexicon = chineseLexicon()): ReadText {
  const chars = [...read.text];
  const options = chars.map((char, i): Option[] => {
    const probability = read.confidence[i] ?? 1;
    const own = { char, probability };
    if (probability >= DOUBTFUL || !isHan(char)) return [own];
    const others = (read.alternatives[i] ?? [])
      .filter(([other, q]) => isHan(other) && q >= ODDS)
      .map(([other, q]) => ({ char: other, probability: q }));
    return [own, ...others];
  });
  if (options.every((at) => at.length === 1)) return read;
  const cost = (option: Option) => RECOGNISER_WEIGHT * Math.log(Math.max(option.probability, 1e-6));
  const best: (Path | undefined)[] = [{ score: 0, chars: [] }];
  const offer = (end: number, path: Path) => {
    if (!best[end] || path.score > (best[end]?.score ?? 0)) best[end] = path;
  };
  for (let start = 0; start < chars.length; start++) {
    const from = best[start];
    if (!from) continue;
    for (const option of options[start] ?? []) {
      offer(start + 1, { score: from.score + SINGLE + cost(option), chars: [...from.chars, option.char] });
    }
    // Words starting here: every spelling from the options that the lexicon continues.
    const grow = (end: number, word: string, score: number, spelled: string[]) => {
      if (end - start >= 2) {
        const frequency = lexicon.logFrequency(word);
        if (frequency !== undefined)
          offer(end, { score: from.score + frequency + score, chars: [...from.chars, ...spelled] });
      }
      if (end >= chars.length || end - start >= lexicon.longest || (end > start && !lexicon.continues(word))) return;
      for (const option of options[end] ?? []) {
        grow(end + 1, word + option.char, score + cost(option), [...spelled, option.char]);
      }
    };
    grow(start, "", 0, []);
  }
  const chosen = best[chars.length]?.chars ?? chars;
  if (chosen.join("") === read.text) return read;
  return swapped(read, chars, chosen);
}

/** The reading with its characters replaced by the chosen ones, each replaced one becoming an alternative. */
function swapped(read: ReadText, chars: string[], chosen: string[]): ReadText {
  const confidence = [...read.confidence];
  const alternatives = read.alternatives.map((others) => [...others]);
  chosen.forEach((char, i) => {
    if (char === chars[i]) return;
    const others = alternatives[i] ?? [];
    const taken = others.find(([other]) => other === char);
    const replaced: [string, number] = [chars[i] ?? "", confidence[i] ?? 1];
    alternatives[i] = [replaced, ...others.filter(([other]) => other !== char)].sort((a, b) => b[1] - a[1]);
    confidence[i] = taken?.[1] ?? 0;
  });
  return { text: chosen.join(""), confidence, alternatives };
}
