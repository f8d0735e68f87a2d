import {
  ENTERPRISE_ATTACHMENTS,
  ENTITY_TYPE_NAMES,
  type EnterpriseRevision,
  formatYuan,
  LEGAL_ID_TYPE_NAMES,
  type RevisionChange,
} from "@lnca/contracts";

/** A revision as the reviewer reads it, field by field (the order and the labels of the form). */
function describe(revision: EnterpriseRevision): { field: string; label: string; value: string | null }[] {
  const b = revision.basic;
  const i = revision.invoicing;
  const rows: [string, string, string | null | undefined][] = [
    ["name", "单位名称", b?.name],
    ["address", "住所", b?.address],
    ["uscc", "统一社会信用代码", b?.uscc],
    ["legalRepresentative", "法定代表人", b?.legalRepresentative],
    ["registeredCapital", "注册资本", b ? `${formatYuan(b.registeredCapitalFen)} 元` : null],
    ["registeredRegion", "企业注册地", b?.registeredRegionNames.join(" / ")],
    ["companyAddress", "公司地址", b && [...(b.companyRegionNames ?? []), b.companyAddress ?? ""].join(" ").trim()],
    ["legalIdType", "法人证件类型", b && LEGAL_ID_TYPE_NAMES[b.legalIdType]],
    [
      "legalRepresentativeIdNumber",
      "法定代表人证件号码",
      b && (b.legalRepresentativeIdNumber ?? b.legalRepresentativeIdNumberMasked),
    ],
    ["legalRepresentativeMobile", "法定代表人手机号", b?.legalRepresentativeMobile],
    ["entityTypes", "主体类型", b?.entityTypes.map((t) => ENTITY_TYPE_NAMES[t]).join("、")],
    ["servicePoint", "办理点", b?.servicePointName],
    ["invoice.title", "开票信息 · 单位名称", i?.title],
    ["invoice.taxpayerId", "开票信息 · 纳税人识别号", i?.taxpayerId],
    ["invoice.address", "开票信息 · 地址", i?.address],
    ["invoice.phone", "开票信息 · 电话", i?.phone],
    ["invoice.bankName", "开票信息 · 开户行", i?.bankName],
    ["invoice.bankAccount", "开票信息 · 开户行账号", i?.bankAccount],
  ];
  const attachments = Object.entries(ENTERPRISE_ATTACHMENTS).map(([kind, spec]) => {
    const a = revision.attachments[kind as keyof typeof ENTERPRISE_ATTACHMENTS];
    return [
      `attachment.${kind}`,
      spec.label,
      a ? `${a.fileName ?? "未命名"}（${a.uploadedAt.slice(0, 10)} 上传）` : null,
    ] as const;
  });
  return [...rows, ...attachments].map(([field, label, value]) => ({ field, label, value: value || null }));
}

/** What changed from the revision in force to this one (an attachment counts as changed when re-uploaded). */
export function revisionChanges(inForce: EnterpriseRevision, revision: EnterpriseRevision): RevisionChange[] {
  const before = new Map(describe(inForce).map((d) => [d.field, d.value]));
  return describe(revision)
    .filter((d) => before.get(d.field) !== d.value)
    .map((d) => ({ field: d.field, label: d.label, before: before.get(d.field) ?? null, after: d.value }));
}
