import { describe, expect, it } from "vitest";
import type { Alternatives } from "./edit-distance";
import { chooseWords } from "./word-choice";

/**
 * A reading as the recogniser gives it: every character sure (0.99, no alternatives) but those in `doubts`,
 * which have their own probability and alternatives. The probabilities are the ones recorded on hard photos.
 */
function reading(text: string, doubts: Record<number, [number, Alternatives]>) {
  const chars = [...text];
  return {
    text,
    confidence: chars.map((_, i) => doubts[i]?.[0] ?? 0.99),
    alternatives: chars.map((_, i) => doubts[i]?.[1] ?? []),
  };
}

describe("choosing among the recogniser's alternatives by words of a general lexicon", () => {
  it("reads a doubtful character as the alternative that makes a word (潮海大街 → 渤海大街, 信阜 → 信息)", () => {
    const street = reading("潮海大街25号5单元610室", {
      0: [
        0.66,
        [
          ["瀚", 0.12],
          ["渤", 0.12],
          ["湖", 0.01],
        ],
      ],
    });
    expect(chooseWords(street).text).toBe("渤海大街25号5单元610室");
    const name = reading("鞍山恒通电子信阜有限公司", {
      7: [
        0.59,
        [
          ["息", 0.08],
          ["皂", 0.07],
          ["电", 0.05],
        ],
      ],
    });
    expect(chooseWords(name).text).toBe("鞍山恒通电子信息有限公司");
  });

  it("keeps a character read surely, whatever word an alternative would make", () => {
    expect(chooseWords(reading("潮海大街25号", { 0: [0.92, [["渤", 0.07]]] })).text).toBe("潮海大街25号");
  });

  it("keeps the reading when no alternative makes a word: a frequent character gains nothing over a rare one", () => {
    // 在 is far more frequent than 鑫 alone, but neither makes a word with 诚: the recogniser's reading stands.
    const name = reading("大连在诚物流有限公司", {
      2: [
        0.64,
        [
          ["鑫", 0.18],
          ["备", 0.04],
        ],
      ],
    });
    expect(chooseWords(name).text).toBe("大连在诚物流有限公司");
  });

  it("lets the recogniser's probabilities outweigh a more frequent word when both readings are words", () => {
    // 辽海 is a rare word, 江海 a common one; 辽 was read four times as likely as 江.
    const name = reading("辽宁辽海科技有限公司", {
      2: [
        0.77,
        [
          ["江", 0.18],
          ["工", 0.01],
        ],
      ],
    });
    expect(chooseWords(name).text).toBe("辽宁辽海科技有限公司");
  });

  it("turns the character it replaced into an alternative, with the probabilities moved along", () => {
    const chosen = chooseWords(reading("潮海", { 0: [0.66, [["渤", 0.12]]] }));
    expect(chosen.confidence[0]).toBe(0.12);
    expect(chosen.alternatives[0]).toEqual([["潮", 0.66]]);
  });
});
