/** One text box the detector found and the recogniser read: its text and its four corners (clockwise from top left). */
export interface OcrLine {
  text: string;
  box: [number, number][];
}
