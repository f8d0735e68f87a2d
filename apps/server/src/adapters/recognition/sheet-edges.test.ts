import { describe, expect, it } from "vitest";
import { cornersFromEdges, type Grey, type Point } from "./sheet-edges";

/** A 400 × 300 picture: a dark desk, light paper inside `paper` (clockwise corners), and `lit` areas as bright as paper. */
function photo(paper: Point[], lit: (x: number, y: number) => boolean = () => false): Grey {
  const [width, height] = [400, 300];
  const data = new Uint8Array(width * height);
  const inside = (x: number, y: number) =>
    paper.every((a, k) => {
      const b = paper[(k + 1) % paper.length] ?? a;
      return (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]) >= 0;
    });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data[y * width + x] = inside(x, y) ? 225 : lit(x, y) ? 215 : 70;
  return { data, width, height };
}

const PAPER: Point[] = [
  [40, 30],
  [350, 45],
  [340, 270],
  [30, 255],
];

const off = (a: Point[], b: Point[]) =>
  Math.max(...a.map((p, k) => Math.hypot(p[0] - (b[k]?.[0] ?? 0), p[1] - (b[k]?.[1] ?? 0))));

describe("the sheet's corners from its edges", () => {
  it("puts back a corner that a bright desk corner joined to the paper pulled out", () => {
    // the desk's top right is lit as bright as the paper: the bright region's extreme point lies at the picture's corner
    const grey = photo(PAPER, (x, y) => x > 300 && y < 60);
    const guess: Point[] = [
      [40, 30],
      [399, 0],
      [340, 270],
      [30, 255],
    ];
    expect(off(cornersFromEdges(grey, guess), PAPER)).toBeLessThan(2);
  });

  it("puts back a corner cut off", () => {
    const guess: Point[] = [
      [40, 30],
      [350, 45],
      [340, 270],
      [60, 220],
    ];
    expect(off(cornersFromEdges(photo(PAPER), guess), PAPER)).toBeLessThan(2);
  });

  it("keeps a guess that was near enough, and one whose edges are not found", () => {
    const near: Point[] = [
      [41, 31],
      [349, 46],
      [339, 269],
      [31, 254],
    ];
    expect(cornersFromEdges(photo(PAPER), near)).toEqual(near);
    const blank: Grey = { data: new Uint8Array(400 * 300).fill(225), width: 400, height: 300 };
    const guess: Point[] = [
      [40, 30],
      [399, 0],
      [340, 270],
      [30, 255],
    ];
    expect(cornersFromEdges(blank, guess)).toEqual(guess);
  });
});
