import { usccCheckCharacter } from "@lnca/contracts";
import type { Random } from "./random";

/** What a licence says, as printed: the ground truth of a generated image. */
export interface LicenceTruth {
  /** 名称 */
  name: string;
  /** 统一社会信用代码, with a valid GB 32100 check character */
  uscc: string;
  /** 法定代表人 */
  legalRepresentative: string;
  /** 注册资本, in capital numerals, e.g. 伍佰万元整 */
  registeredCapital: string;
  /** 住所, a Liaoning address */
  address: string;
  /** 类型 */
  companyType: string;
  /** 成立日期, e.g. 2015年03月18日 */
  establishedOn: string;
}

const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** Liaoning cities with district codes (GB/T 2260) and a few of their streets. */
const CITIES: readonly {
  city: string;
  districts: readonly (readonly [string, string])[];
  streets: readonly string[];
}[] = [
  {
    city: "沈阳",
    districts: [
      ["和平区", "210102"],
      ["沈河区", "210103"],
      ["皇姑区", "210105"],
      ["浑南区", "210112"],
    ],
    streets: ["南京北街", "青年大街", "北陵大街", "创新路", "三好街", "中山路"],
  },
  {
    city: "大连",
    districts: [
      ["中山区", "210202"],
      ["西岗区", "210203"],
      ["沙河口区", "210204"],
      ["甘井子区", "210211"],
    ],
    streets: ["人民路", "长江路", "黄河路", "软件园路", "五一路"],
  },
  {
    city: "鞍山",
    districts: [
      ["铁东区", "210302"],
      ["铁西区", "210303"],
      ["立山区", "210304"],
    ],
    streets: ["胜利路", "建国大道", "千山路"],
  },
  {
    city: "抚顺",
    districts: [
      ["新抚区", "210402"],
      ["望花区", "210404"],
    ],
    streets: ["西一路", "临江路"],
  },
  {
    city: "锦州",
    districts: [
      ["古塔区", "210702"],
      ["凌河区", "210703"],
    ],
    streets: ["解放路", "士英街", "中央大街"],
  },
  {
    city: "营口",
    districts: [
      ["站前区", "210802"],
      ["西市区", "210803"],
    ],
    streets: ["渤海大街", "学府路"],
  },
];

const BRANDS = [
  "盛华",
  "启明",
  "辽海",
  "北方",
  "鑫诚",
  "宏远",
  "金石",
  "东润",
  "天合",
  "博远",
  "华信",
  "瑞丰",
  "恒通",
  "安泰",
  "新程",
  "中科",
  "德隆",
  "嘉禾",
];
const TRADES = [
  "科技",
  "建设工程",
  "商贸",
  "电子信息",
  "网络科技",
  "机械设备",
  "环保工程",
  "医疗器械",
  "物流",
  "软件",
  "工程咨询",
  "电力工程",
];
const COMPANY_TYPES = [
  { suffix: "有限公司", type: "有限责任公司（自然人投资或控股）" },
  { suffix: "有限公司", type: "有限责任公司（自然人独资）" },
  { suffix: "有限公司", type: "有限责任公司（国有独资）" },
  { suffix: "股份有限公司", type: "股份有限公司（非上市、自然人投资或控股）" },
] as const;
const SURNAMES =
  "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金";
const GIVEN =
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文红志新玉兰春梅海燕波宁东晓晨颖鹏飞宇浩然博凯丹阳俊峰雪琳";

/** 金额大写: an integer of 万元 (1…9999) in capital numerals, e.g. 1200 → 壹仟贰佰. */
export function capitalNumerals(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 9999) throw new RangeError(`out of range: ${value}`);
  const digits = "零壹贰叁肆伍陆柒捌玖";
  const units = ["仟", "佰", "拾", ""];
  const padded = String(value).padStart(4, "0");
  let out = "";
  let pendingZero = false;
  for (let i = 0; i < 4; i++) {
    const digit = Number(padded[i]);
    if (digit === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += "零";
    pendingZero = false;
    out += digits[digit] + (units[i] ?? "");
  }
  return out;
}

export function usccFor(random: Random, districtCode: string): string {
  let body = `91${districtCode}`;
  while (body.length < 17) body += random.pick([...USCC_CHARSET]);
  return body + usccCheckCharacter(body);
}

const pad2 = (n: number) => String(n).padStart(2, "0");

export function randomTruth(random: Random): LicenceTruth {
  const place = random.pick(CITIES);
  const [district, districtCode] = random.pick(place.districts);
  const kind = random.pick(COMPANY_TYPES);
  const name = `${random.pick(["辽宁", place.city])}${random.pick(BRANDS)}${random.pick(TRADES)}${kind.suffix}`;
  const surname = random.pick([...SURNAMES]);
  const given = Array.from({ length: random.int(1, 2) }, () => random.pick([...GIVEN])).join("");
  const capital = random.pick([
    50, 100, 200, 300, 500, 800, 1000, 1200, 1500, 2000, 2680, 3000, 5000, 8800, 1050, 2005,
  ]);
  const year = random.int(1998, 2024);
  const flat = random.next() < 0.5 ? `${random.int(1, 6)}单元${random.int(1, 30)}${pad2(random.int(1, 12))}室` : "";
  return {
    name,
    uscc: usccFor(random, districtCode),
    legalRepresentative: surname + given,
    registeredCapital: `${capitalNumerals(capital)}万元整`,
    address: `辽宁省${place.city}市${district}${random.pick(place.streets)}${random.int(1, 399)}号${flat}`,
    companyType: kind.type,
    establishedOn: `${year}年${pad2(random.int(1, 12))}月${pad2(random.int(1, 28))}日`,
  };
}
