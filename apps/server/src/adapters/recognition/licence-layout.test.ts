import { describe, expect, it } from "vitest";
import { registrationDivision } from "./liaoning-divisions";
import { businessScopeRegion, extractLicenceFields, findUscc, isPlausible, valueRegion } from "./licence-layout";
import type { OcrLine } from "./ocr-line";

/** A box as the detector gives it: text and its corners, `x`,`y` its top left, turned by `angle` degrees. */
function line(text: string, x: number, y: number, width: number, angle = 0, height = 30): OcrLine {
  const c = Math.cos((angle * Math.PI) / 180);
  const s = Math.sin((angle * Math.PI) / 180);
  const at = (dx: number, dy: number): [number, number] => [x + dx * c - dy * s, y + dx * s + dy * c];
  return { text, box: [at(0, 0), at(width, 0), at(width, height), at(0, height)] };
}

/** Boxes recorded from PaddleOCR on a generated licence (hard kind, after straightening), in detector order. */
const RECORDED: OcrLine[] = [
  line("2024年12月27日", 1119, 1005, 190),
  line("登记机关", 1000, 923, 112),
  line("单元室", 1102, 618, 84),
  line("辽宁省锦州市古塔区解放路376号3", 1100, 574, 440),
  line("住所", 928, 574, 112),
  line("经营范围", 122, 573, 112),
  line("2019年06月18日至长期", 1102, 507, 300),
  line("营业期限", 931, 504, 112),
  line("法定代表人曹鹏", 126, 502, 200),
  line("2019年06月18日", 1102, 435, 190),
  line("有限责任公司(自然人独资)", 310, 435, 370),
  line("成立日期", 931, 433, 112),
  line("类型", 127, 429, 112),
  line("锦州中科医疗器械有限公司", 308, 365, 340),
  line("壹佰万元整", 1101, 360, 140),
  line("注册资本", 931, 362, 112),
  line("称", 167 + 84, 363, 28),
  line("912107024LBY1W135Q", 128, 158, 300),
  line("统一社会信用代码", 128, 114, 224),
];

describe("licence fields by layout", () => {
  it("reads each value beside its label, whatever order the boxes come in", () => {
    expect(extractLicenceFields(RECORDED)).toEqual({
      name: "锦州中科医疗器械有限公司",
      uscc: "912107024LBY1W135Q",
      legalRepresentative: "曹鹏",
      registeredCapital: "壹佰万元整",
      address: "辽宁省锦州市古塔区解放路376号3单元室",
      companyType: "有限责任公司（自然人独资）",
      establishedOn: "2019年06月18日",
    });
    expect(extractLicenceFields([...RECORDED].reverse())).toEqual(extractLicenceFields(RECORDED));
  });

  it("follows the lines when the licence is turned a few degrees", () => {
    const turned = [
      line("成立日期", 100, 100, 112, 3),
      line("2015年3月8日", 100 + 180 * Math.cos(0.052), 100 + 180 * Math.sin(0.052), 190, 3),
    ];
    expect(extractLicenceFields(turned).establishedOn).toBe("2015年03月08日");
  });

  it("does not take the 营业期限 date or the authority's date for 成立日期", () => {
    const fields = extractLicenceFields([line("营业期限", 0, 0, 112), line("2019年06月18日至长期", 180, 0, 300)]);
    expect(fields.establishedOn).toBeNull();
  });

  it("gives null for every field it cannot find", () => {
    expect(Object.values(extractLicenceFields([line("营业执照", 0, 0, 300)])).every((v) => v === null)).toBe(true);
  });
});

describe("USCC", () => {
  it("reads letters outside the charset as the digits they resemble, and needs a valid check character", () => {
    expect(findUscc([{ text: "91350100MO00100Y43" }])).toBe("91350100M000100Y43");
    expect(findUscc([{ text: "统一社会信用代码 9I350100M000100Y43" }])).toBe("91350100M000100Y43");
    expect(findUscc([{ text: "91350100M000100Y44" }])).toBeNull();
    expect(findUscc([{ text: "9135010OM000100Y4" }])).toBeNull();
  });
});

describe("closed vocabularies", () => {
  const read = (label: string, value: string) =>
    extractLicenceFields([line(label, 0, 0, 112), line(value, 180, 0, 400)]);

  it("puts right a Liaoning province, city and district misread by a character or two, and only those", () => {
    expect(read("住所", "辽宝省沈阳市星姑区南京北街182号").address).toBe("辽宁省沈阳市皇姑区南京北街182号");
    expect(read("住所", "大莲市中山区人民路45号").address).toBe("大连市中山区人民路45号");
    // As near to 铁东区 as to 铁西区: left as read.
    expect(read("住所", "辽省鞍镇市铁区千山路99号").address).toBe("辽省鞍镇市铁区千山路99号");
  });

  it("reads 注册资本 within the capital numerals and 类型 within the registration's types", () => {
    expect(read("注册资本", "壹佰方元整").registeredCapital).toBe("壹佰万元整");
    expect(read("类型", "段份有限公司(非上市、自然人投资或控股").companyType).toBe(
      "股份有限公司（非上市、自然人投资或控股）",
    );
    expect(read("类型", "外星公司").companyType).toBe("外星公司");
  });

  it("takes the recogniser's second choice for a capital character outside the numerals, when it is one", () => {
    const value = {
      ...line("壹仟低佰万元整", 180, 0, 400),
      alternatives: [[], [], [["伍", 0.3]], [], [], [], []] as [string, number][][],
    };
    expect(extractLicenceFields([line("注册资本", 0, 0, 112), value]).registeredCapital).toBe("壹仟伍佰万元整");
    const unsure = {
      ...line("壹仟低佰万元整", 180, 0, 400),
      alternatives: [[], [], [["但", 0.3]], [], [], [], []] as [string, number][][],
    };
    expect(extractLicenceFields([line("注册资本", 0, 0, 112), unsure]).registeredCapital).toBe("壹仟低佰万元整");
    // The recogniser's own numeral goes before the lookalike table's (查 is 叁's lookalike).
    const capital = (others: [string, number][]) =>
      extractLicenceFields([
        line("注册资本", 0, 0, 112),
        { ...line("查仟万元整", 180, 0, 140), alternatives: [others, [], [], [], []] },
      ]).registeredCapital;
    expect(capital([["壹", 0.07]])).toBe("壹仟万元整");
    expect(capital([["壹", 0.01]])).toBe("叁仟万元整");
    expect(capital([])).toBe("叁仟万元整");
  });

  it("puts back a capital's digit dropped before its unit, when the recogniser saw it faintly there", () => {
    const capital = (missing: [string, number][]) =>
      extractLicenceFields([
        line("注册资本", 0, 0, 112),
        { ...line("佰万元整", 180, 0, 140), missing: [missing, [], [], []] },
      ]).registeredCapital;
    expect(
      capital([
        ["關", 0.08],
        ["捌", 0.03],
      ]),
    ).toBe("捌佰万元整");
    // Nothing faint there, or nothing a digit: the capital stays as read (and implausible).
    expect(capital([])).toBe("佰万元整");
    expect(capital([["關", 0.08]])).toBe("佰万元整");
    // A unit after its digit needs none.
    const whole = {
      ...line("伍佰万元整", 180, 0, 140),
      missing: [[], [["捌", 0.03]], [], [], []] as [string, number][][],
    };
    expect(extractLicenceFields([line("注册资本", 0, 0, 112), whole]).registeredCapital).toBe("伍佰万元整");
  });

  it("takes a label misread by one character when no other label is as near", () => {
    expect(read("注用资本", "伍佰万元整").registeredCapital).toBe("伍佰万元整");
    expect(read("名标", "辽宁盛华科技有限公司").name).toBe("辽宁盛华科技有限公司");
    // a spread label with a stroke of the background read between its characters
    expect(read("名二称", "锦州新程环保工程有限公司").name).toBe("锦州新程环保工程有限公司");
    // a long label with a character dropped
    expect(read("注资本", "壹仟零伍拾万元整").registeredCapital).toBe("壹仟零伍拾万元整");
    // a long label misread by a character, in one box with its value
    expect(extractLicenceFields([line("站定代表人陈志梅", 0, 0, 260)]).legalRepresentative).toBe("陈志梅");
    expect(extractLicenceFields([line("站定代人陈志梅", 0, 0, 260)]).legalRepresentative).toBeNull();
  });
});

describe("USCC misreadings", () => {
  it("tries each character an out-of-charset letter may stand for, and takes the code only when one reading is valid", () => {
    // O for Q (…HEQYGHW), a dot inside the code, an H split into 11.
    expect(findUscc([{ text: "91210103FTMHEOYGHW" }])).toBe("91210103FTMHEQYGHW");
    expect(findUscc([{ text: "91210703NK5TRL.LH9Q" }])).toBe("91210703NK5TRLLH9Q");
    expect(findUscc([{ text: "912103025C5A9U11PYR" }])).toBe("912103025C5A9UHPYR");
    // Too many letters to try: refused rather than guessed.
    expect(findUscc([{ text: "91OIOIOIOIOIOIOIOI" }])).toBeNull();
  });

  it("reads a doubtful character as the recogniser's second choice when that alone makes the check valid", () => {
    const doubtful = (at: number, confidence: number, second: string) => ({
      text: "91350100M000100Y44",
      confidence: Array.from({ length: 18 }, (_, i) => (i === at ? confidence : 0.99)),
      alternatives: Array.from({ length: 18 }, (_, i): [string, number][] => (i === at ? [[second, 0.3]] : [])),
    });
    expect(findUscc([doubtful(17, 0.5, "3")])).toBe("91350100M000100Y43");
    // A sure character is not second-guessed.
    expect(findUscc([doubtful(17, 0.95, "3")])).toBeNull();
  });
});

describe("second choices within vocabularies", () => {
  const alternatives = (length: number, at: number, others: [string, number][]) =>
    Array.from({ length }, (_, i): [string, number][] => (i === at ? others : []));

  it("reads a first character that is no surname as the likeliest alternative that is a common one", () => {
    const name = {
      ...line("鸿秀燕", 180, 0, 120),
      alternatives: alternatives(3, 0, [
        ["鸿", 0.2],
        ["冯", 0.1],
      ]),
    };
    expect(extractLicenceFields([line("法定代表人", 0, 0, 140), name]).legalRepresentative).toBe("冯秀燕");
    // Too unlikely an alternative does not make a name.
    const rare = { ...line("桂杰", 180, 0, 80), alternatives: alternatives(2, 0, [["程", 0.001]]) };
    expect(extractLicenceFields([line("法定代表人", 0, 0, 140), rare]).legalRepresentative).toBe("桂杰");
  });

  it("reads a given-name character that is none of the common ones as the likeliest alternative that is", () => {
    const person = (text: string, at: number, others: [string, number][]) =>
      extractLicenceFields([
        line("法定代表人", 0, 0, 140),
        { ...line(text, 180, 0, 120), alternatives: alternatives(3, at, others) },
      ]).legalRepresentative;
    expect(
      person("许琳器", 2, [
        ["嚣", 0.2],
        ["磊", 0.1],
      ]),
    ).toBe("许琳磊");
    // A common character read is kept, whatever its alternatives.
    expect(person("罗顺", 1, [["颖", 0.3]])).toBe("罗顺");
  });

  it("matches a division with the recogniser's alternatives counting half", () => {
    // 行山市湖南区 is three characters from 营口市站前区; with 营, 口 and 站 as alternatives it is that district.
    const address = {
      ...line("辽宁省行山市湖南区渤海大街396号", 180, 0, 400),
      alternatives: [[], [], [], [["营", 0.1]], [["口", 0.1]], [], [["站", 0.1]], [], []] as [string, number][][],
    };
    expect(extractLicenceFields([line("住所", 0, 0, 112), address]).address).toBe("辽宁省营口市站前区渤海大街396号");
  });

  it("reads an unsure division as the one the USCC's registration authority is in, a sure one as read", () => {
    const fields = (address: string, confidence: number, uscc: string) =>
      extractLicenceFields([
        line("统一社会信用代码", 0, -100, 224),
        line(uscc, 0, -60, 300),
        line("住所", 0, 0, 112),
        { ...line(address, 180, 0, 400), confidence: [...address].map(() => confidence) },
      ]).address;
    // 营口 lost under the seal and 辽 misread: 912108 02… is registered in 营口市站前区.
    expect(fields("广宁省市站前区渤海大街365号", 0.5, "91210802MA0XQ9T35A")).toBe("辽宁省营口市站前区渤海大街365号");
    // 行山市湖南区, unsure, is nearer to 鞍山市铁西区 than to 营口市站前区, where its USCC says it is registered.
    expect(fields("辽宁省行山市湖南区融海大街396号", 0.5, "91210802MA0XQ9T35A")).toMatch(/^辽宁省营口市站前区/);
    // Read surely as another district, the address keeps it (an enterprise may be domiciled elsewhere).
    expect(fields("辽宁省鞍山市铁西区胜利路217号", 1, "91210302MA0XQ9T35G")).toBe("辽宁省鞍山市铁西区胜利路217号");
    expect(registrationDivision("912103025C5A9UHPYR")).toBe("辽宁省鞍山市铁东区");
    expect(registrationDivision("911101085C5A9UHPYR")).toBeNull();
    expect(registrationDivision(null)).toBeNull();
  });

  it("starts an enterprise name with its city when the recogniser had the city's character as an alternative", () => {
    const name = (text: string, at: number, others: [string, number][]) =>
      extractLicenceFields([
        line("名称", 0, 0, 112),
        { ...line(text, 180, 0, 400), alternatives: alternatives(text.length, at, others) },
      ]).name;
    expect(name("鞍由中科电力工程股份有限公司", 1, [["山", 0.05]])).toBe("鞍山中科电力工程股份有限公司");
    // Without the alternative, or for a name that starts with no place, the name stays as read.
    expect(name("鞍由中科电力工程股份有限公司", 1, [["田", 0.05]])).toBe("鞍由中科电力工程股份有限公司");
    expect(name("华信科技有限公司", 1, [["山", 0.05]])).toBe("华信科技有限公司");
    // A city's first character with a weak step after it, where its second was dropped.
    const dropped = (text: string, missing: [string, number][]) =>
      extractLicenceFields([
        line("名称", 0, 0, 112),
        { ...line(text, 180, 0, 400), missing: [[], missing, ...[...text].slice(2).map(() => [])] },
      ]).name;
    expect(dropped("抚启明科技有限公司", [["绩", 0.05]])).toBe("抚顺启明科技有限公司");
    expect(dropped("抚启明科技有限公司", [])).toBe("抚启明科技有限公司");
    // a first character that opens no city stays as read
    expect(dropped("华启明科技有限公司", [["绩", 0.05]])).toBe("华启明科技有限公司");
  });

  it("reads an address's numbers within its grammar, the recogniser's alternatives deciding", () => {
    const address = (text: string, at: number, others: [string, number][]) =>
      extractLicenceFields([
        line("住所", 0, 0, 112),
        { ...line(text, 180, 0, 400), alternatives: alternatives(text.length, at, others) },
      ]).address;
    expect(address("辽宁省鞍山市铁东区胜利路217号1单元30上室", 21, [["2", 0.1]])).toBe(
      "辽宁省鞍山市铁东区胜利路217号1单元302室",
    );
    // A flat's number ends with 室.
    expect(address("辽宁省营口市西市区学府路90号4单元910", 0, [])).toBe("辽宁省营口市西市区学府路90号4单元910室");
    expect(address("辽宁省营口市西市区学府路165号3单元2501车", 0, [])).toBe("辽宁省营口市西市区学府路165号3单元2501室");
    expect(address("辽宁省大连市中山区黄河路82号2单元1808室以", 0, [])).toBe("辽宁省大连市中山区黄河路82号2单元1808室");
    expect(address("辽宁省大连市中山区黄河路82号2单元1808室", 0, [])).toBe("辽宁省大连市中山区黄河路82号2单元1808室");
    // A digit the decoding dropped inside a number, seen at a weak step there (1心·室 for 101室).
    const dropped = (text: string, at: number, weak: [string, number][]) =>
      extractLicenceFields([
        line("住所", 0, 0, 112),
        {
          ...line(text, 180, 0, 400),
          missing: [...text].map((_, i): [string, number][] => (i === at ? weak : [])),
        },
      ]).address;
    expect(dropped("辽宁省大连市甘井子区长江路299号4单元10室", 22, [["1", 0.06]])).toBe(
      "辽宁省大连市甘井子区长江路299号4单元101室",
    );
    // not between two digits, where no number goes on, nor from a weak step that held no digit
    expect(dropped("辽宁省锦州市凌河区解放路358号", 13, [["6", 0.2]])).toBe("辽宁省锦州市凌河区解放路358号");
    expect(dropped("辽宁省大连市甘井子区长江路299号4单元10室", 13, [["1", 0.06]])).toBe(
      "辽宁省大连市甘井子区长江路299号4单元10室",
    );
    expect(dropped("辽宁省大连市甘井子区长江路299号4单元10室", 22, [["心", 0.2]])).toBe(
      "辽宁省大连市甘井子区长江路299号4单元10室",
    );
    expect(address("辽宁省大连市甘井子区黄河路216号1单元1909堂", 24, [["室", 0.1]])).toBe(
      "辽宁省大连市甘井子区黄河路216号1单元1909室",
    );
    expect(address("辽宁省沈阳市沈河区北陵大街347号单光308室", 18, [["元", 0.1]])).toBe(
      "辽宁省沈阳市沈河区北陵大街347号单元308室",
    );
    expect(address("辽宁省大连市甘井子区黄河路122号4元705室", 0, [])).toBe("辽宁省大连市甘井子区黄河路122号4单元705室");
    expect(address("辽宁省锦州市凌河区解放路61号6单1607室", 0, [])).toBe("辽宁省锦州市凌河区解放路61号6单元1607室");
    // A street's own character before its number is no digit, whatever the alternatives.
    expect(address("辽宁省沈阳市和平区三好街351号", 11, [["3", 0.3]])).toBe("辽宁省沈阳市和平区三好街351号");
  });

  it("ends the street, before its first number, as the likeliest street ending among the alternatives", () => {
    const address = (text: string, at: number, others: [string, number][]) =>
      extractLicenceFields([
        line("住所", 0, 0, 112),
        { ...line(text, 180, 0, 400), alternatives: alternatives(text.length, at, others) },
      ]).address;
    expect(
      address("辽宁省锦州市凌河区士英厨164号", 11, [
        ["国", 0.05],
        ["街", 0.04],
      ]),
    ).toBe("辽宁省锦州市凌河区士英街164号");
    // A street ending read, or no ending among the alternatives: as read.
    expect(address("辽宁省大连市中山区人民路45号", 11, [["格", 0.3]])).toBe("辽宁省大连市中山区人民路45号");
    expect(address("辽宁省锦州市凌河区士英厨164号", 11, [["国", 0.05]])).toBe("辽宁省锦州市凌河区士英厨164号");
  });

  it("reads the street's and the name's doubtful characters as words of a general lexicon", () => {
    const doubtful = (text: string, doubts: Record<number, [number, [string, number][]]>) => ({
      ...line(text, 180, 0, 400),
      confidence: [...text].map((_, i) => doubts[i]?.[0] ?? 0.99),
      alternatives: [...text].map((_, i) => doubts[i]?.[1] ?? []),
    });
    const address = doubtful("辽宁省营口市西市区潮海大街25号", { 9: [0.66, [["渤", 0.12]]] });
    expect(extractLicenceFields([line("住所", 0, 0, 112), address]).address).toBe("辽宁省营口市西市区渤海大街25号");
    const name = doubtful("鞍山博远工程咨陶股份有限公司", { 7: [0.6, [["询", 0.1]]] });
    expect(extractLicenceFields([line("名称", 0, 0, 112), name]).name).toBe("鞍山博远工程咨询股份有限公司");
  });

  it("leaves an address's division to the divisions, not to the lexicon", () => {
    // Recorded on a hard photo: 站平区 with 地 and 产 among the alternatives is 地产区 to a lexicon, and then
    // no division is near enough; as a division it is 沈阳市和平区.
    const address = {
      ...line("辽宁省：阳市站平区青年大街112号", 180, 0, 400),
      confidence: [0.88, 0.89, 1, 0.61, 0.95, 1, 0.55, 0.47, 1, 1, 1, 1, 1, 0.97, 0.99, 0.97, 1],
      alternatives: [
        [["这", 0.07]],
        [
          ["宇", 0.04],
          ["中", 0.02],
        ],
        [],
        [["八", 0.02]],
        [["昭", 0.01]],
        [],
        [
          ["地", 0.13],
          ["幼", 0.06],
          ["动", 0.03],
        ],
        [
          ["产", 0.2],
          ["评", 0.1],
          ["中", 0.06],
        ],
        ...Array.from({ length: 9 }, () => []),
      ] as [string, number][][],
    };
    expect(extractLicenceFields([line("住所", 0, 0, 112), address]).address).toBe("辽宁省沈阳市和平区青年大街112号");
  });

  it("continues an address on the line below where the address starts, past seal characters read before it", () => {
    const fields = extractLicenceFields([
      line("住所", 928, 563, 118),
      line("口辽宁省营口西西市区潮海大街25号5", 1039, 564, 501),
      line("单元610室", 1098, 606, 133),
    ]);
    expect(fields.address).toBe("辽宁省营口市西市区潮海大街25号5单元610室");
  });

  it("finds a spread label whose second character was misread (类 | 恒)", () => {
    const fields = extractLicenceFields([
      line("类", 0, 0, 30),
      line("恒", 84, 0, 30),
      line("有限责任公司（国有独资）", 180, 0, 300),
    ]);
    expect(fields.companyType).toBe("有限责任公司（国有独资）");
  });

  it("finds a spread label by its first character alone, or with that character misread unsurely", () => {
    const type = (...labels: OcrLine[]) =>
      extractLicenceFields([...labels, line("有限责任公司（国有独资）", 180, 0, 300)]).companyType;
    expect(type(line("类", 0, 0, 30))).toBe("有限责任公司（国有独资）");
    expect(type({ ...line("贡型", 0, 0, 112), confidence: [0.21, 0.86] })).toBe("有限责任公司（国有独资）");
    // read surely, 贡型 is no label
    expect(type({ ...line("贡型", 0, 0, 112), confidence: [0.95, 0.86] })).toBeNull();
  });

  it("reads a long company type misread in one character of six as the registration's type", () => {
    const read = (label: string, value: string) =>
      extractLicenceFields([line(label, 0, 0, 112), line(value, 180, 0, 400)]);
    expect(read("类型", "最份存限公司（非上市、自然人投资成控股）").companyType).toBe(
      "股份有限公司（非上市、自然人投资或控股）",
    );
    // a short one, three characters off, only with the recogniser's alternatives there
    expect(read("类型", "有限由任公司（国有按备）").companyType).toBe("有限由任公司（国有按备）");
    const value = {
      ...line("有限由任公司（国有按备）", 180, 0, 300),
      alternatives: [[], [], [["责", 0.1]], [], [], [], [], [], [], [["独", 0.1]], [["资", 0.1]], []] as [
        string,
        number,
      ][][],
    };
    expect(extractLicenceFields([line("类型", 0, 0, 112), value]).companyType).toBe("有限责任公司（国有独资）");
  });
});

describe("plausible values and where to look again", () => {
  it("knows a capital written in order, an address with its numbers, a person's name", () => {
    expect(isPlausible("registeredCapital", "壹仟零伍拾万元整")).toBe(true);
    expect(isPlausible("registeredCapital", "人民币伍佰万元")).toBe(true);
    expect(isPlausible("registeredCapital", "佰万元整")).toBe(false);
    expect(isPlausible("registeredCapital", "伍轻万元整")).toBe(false);
    expect(isPlausible("address", "辽宁省沈阳市浑南区中山路311号5单元204室")).toBe(true);
    expect(isPlausible("address", "辽宁省沈阳市浑南区中山路号5单元204室")).toBe(false);
    expect(isPlausible("address", "辽宁省锦州市凌河区解放路61号6单元话07室")).toBe(false);
    expect(isPlausible("address", "辽宁省鞍山市铁东区胜利路217号1单")).toBe(false);
    expect(isPlausible("legalRepresentative", "张三")).toBe(true);
    expect(isPlausible("legalRepresentative", "新博")).toBe(false);
    expect(isPlausible("companyType", "有限责任公司（国有独资）")).toBe(true);
    expect(isPlausible("companyType", null)).toBe(false);
  });

  it("gives the region of a label and the value beside it, lower for the address", () => {
    const lines = [line("注册资本", 930, 350, 112), line("住所", 930, 560, 112)];
    const [left, top, right, bottom] = valueRegion("registeredCapital", lines) ?? [];
    expect(left).toBeLessThan(930);
    expect(top).toBeLessThan(350);
    expect(bottom).toBeGreaterThan(380);
    expect(bottom).toBeLessThan(420);
    expect(right).toBeGreaterThan(1400);
    expect((valueRegion("address", lines)?.[3] ?? 0) - 590).toBeGreaterThan(90);
    // 名称 not read: its row, left of 注册资本, which shares it; 类型's partner 成立日期 was not read either
    const [nameLeft, nameTop, nameRight, nameBottom] = valueRegion("name", lines) ?? [];
    expect(nameLeft).toBe(0);
    expect(nameRight).toBeLessThan(930);
    expect(nameTop).toBeLessThan(365);
    expect(nameBottom).toBeGreaterThan(365);
    expect(valueRegion("companyType", lines)).toBeNull();
  });

  it("reads a value whose label was missed from its row's right label (名称 with 注册资本)", () => {
    const fields = extractLicenceFields([
      line("辽宁德隆软件有限公司", 321, 357, 268),
      line("注册资本", 929, 354, 112),
      line("壹仟零伍拾万元整", 1100, 353, 227),
      line("有限责任公司（自然人独资）", 314, 427, 336),
      line("成立日期", 930, 424, 112),
      line("2011年04月03日", 1100, 427, 204),
    ]);
    expect(fields.name).toBe("辽宁德隆软件有限公司");
    expect(fields.companyType).toBe("有限责任公司（自然人独资）");
    expect(fields.legalRepresentative).toBeNull();
  });
});

describe("the business scope, left unread", () => {
  it("lies below its label and left of the column beside it, where no field is", () => {
    const region = businessScopeRegion(RECORDED);
    expect(region).not.toBeNull();
    const [left, top, right, bottom] = region ?? [0, 0, 0, 0];
    expect([left, right, bottom]).toEqual([0, 928, Number.POSITIVE_INFINITY]);
    // from the scope label's line down; the legal representative's line above stays outside
    expect(top).toBeGreaterThan(502 + 30);
    expect(top).toBeLessThanOrEqual(573);
    for (const field of RECORDED.filter((l) => l.text !== "经营范围")) {
      const cy = (field.box[0]?.[1] ?? 0) + 15;
      const cx = (field.box[0]?.[0] ?? 0) + 5;
      expect(cx >= left && cx <= right && cy >= top, field.text).toBe(false);
    }
  });

  it("is not known without its label, nor on a licence printed in one column", () => {
    expect(businessScopeRegion(RECORDED.filter((l) => l.text !== "经营范围"))).toBeNull();
    expect(businessScopeRegion([line("经营范围", 122, 573, 112), line("法定代表人曹鹏", 126, 502, 200)])).toBeNull();
  });
});
