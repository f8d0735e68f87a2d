import { type Alternatives, editDistance } from "./edit-distance";

/** 类型 as licences print it: the enterprise types of the market-entity registration (市场主体登记). */
const COMPANY_TYPES = [
  "有限责任公司（自然人投资或控股）",
  "有限责任公司（自然人独资）",
  "有限责任公司（自然人投资或控股的法人独资）",
  "有限责任公司（非自然人投资或控股的法人独资）",
  "有限责任公司（国有独资）",
  "有限责任公司（国有控股）",
  "有限责任公司（外商投资、非独资）",
  "有限责任公司（外国法人独资）",
  "有限责任公司（台港澳法人独资）",
  "有限责任公司（港澳台投资、非独资）",
  "有限责任公司分公司（自然人投资或控股）",
  "其他有限责任公司",
  "股份有限公司（非上市、自然人投资或控股）",
  "股份有限公司（非上市、国有控股）",
  "股份有限公司（上市、自然人投资或控股）",
  "股份有限公司（上市、国有控股）",
  "股份有限公司（中外合资、未上市）",
  "其他股份有限公司（非上市）",
  "个人独资企业",
  "普通合伙企业",
  "有限合伙企业",
  "全民所有制",
  "集体所有制",
  "个体工商户",
];

/**
 * The printed type nearest to what was read, when it is a known type misread in a character or two — one in six
 * of a long one's — (段份有限公司… → 股份有限公司…; a character replaced by the recogniser's alternative there
 * counting half) and no other type is as near; otherwise the text as read.
 */
export function correctCompanyType(text: string, alternatives: Alternatives[] = []): string {
  const ranked = COMPANY_TYPES.map((type) => ({ type, distance: editDistance(text, type, alternatives) })).sort(
    (a, b) => a.distance - b.distance,
  );
  const [best, second] = ranked;
  const allowed = Math.max(2, Math.floor(text.length / 6));
  if (!best || best.distance === 0 || best.distance > allowed || (second && second.distance === best.distance))
    return text;
  return best.type;
}

export const isCompanyType = (text: string) => COMPANY_TYPES.includes(text);
