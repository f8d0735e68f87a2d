/** One text box the detector found and the recogniser read: its text and its four corners (clockwise from top left). */
export interface OcrLine {
  text: string;
  box: [number, number][];
  /** per character of `text` (as code points): the recogniser's probability for it */
  confidence?: number[];
  /** per character of `text`: the recogniser's next likeliest characters at that place, likeliest first */
  alternatives?: [string, number][][];
  /** per character of `text`: the likeliest characters of a weak step just before it, where one may have been dropped */
  missing?: [string, number][][];
}
