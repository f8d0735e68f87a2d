/**
 * The demo catalog, as in the guide: twelve trading platforms at 50 元 each, four certificate categories,
 * the vendor CFCA and a service point (办理点) in each of Liaoning's fourteen cities.
 */
export const demoPlatforms = [
  { code: "ln-jsgc", name: "辽宁建设工程信息网" },
  { code: "ln-ztbjg", name: "辽宁省招标投标监管网" },
  { code: "ln-zfcg", name: "辽宁省政府采购平台" },
  { code: "ln-ggzy", name: "辽宁省公共资源平台" },
  { code: "sy-ggzy", name: "沈阳市公共资源平台" },
  { code: "dl-ggzy", name: "大连市公共资源平台" },
  { code: "dl-zfcg", name: "大连政府采购平台" },
  { code: "as-ggzy", name: "鞍山公共资源平台" },
  { code: "jz-ggzy", name: "锦州市公共资源平台" },
  { code: "cy-ggzy", name: "朝阳市公共资源平台" },
  { code: "hc-dzcg", name: "华晨集团电子采购平台" },
  { code: "sf-jsxm", name: "沈抚示范区建设项目管理平台" },
].map((p) => ({ ...p, feeFen: 5_000 }));

export const demoCategories = [
  { code: "unit_main", name: "单位(机构)主锁", holderKind: "organization", baseFeeFen: 10_000 },
  { code: "project_lead", name: "项目负责人锁", holderKind: "personal", baseFeeFen: 0 },
  { code: "authorized_agent", name: "授权委托人锁", holderKind: "personal", baseFeeFen: 0 },
  { code: "cost_engineer", name: "造价师锁", holderKind: "personal", baseFeeFen: 5_000 },
] as const;

export const demoVendors = [{ code: "CFCA", name: "中国金融认证中心（CFCA）" }];

const liaoningCities = [
  ["shenyang", "沈阳市"],
  ["dalian", "大连市"],
  ["anshan", "鞍山市"],
  ["fushun", "抚顺市"],
  ["benxi", "本溪市"],
  ["dandong", "丹东市"],
  ["jinzhou", "锦州市"],
  ["yingkou", "营口市"],
  ["fuxin", "阜新市"],
  ["liaoyang", "辽阳市"],
  ["panjin", "盘锦市"],
  ["tieling", "铁岭市"],
  ["chaoyang", "朝阳市"],
  ["huludao", "葫芦岛市"],
] as const;

export const demoServicePoints = liaoningCities.map(([code, city]) => ({ code, city, name: `${city}办理点` }));
