/**
 * The fields read from a business licence (营业执照), by label. A field that was not found is null; values are
 * as printed (`registeredCapital` e.g. "伍佰万元整"), except `uscc`, given only when its check digit is valid.
 */
export interface LicenceFields {
  /** 名称 */
  name: string | null;
  /** 统一社会信用代码 */
  uscc: string | null;
  /** 法定代表人 */
  legalRepresentative: string | null;
  /** 注册资本 */
  registeredCapital: string | null;
  /** 住所 / 经营场所 */
  address: string | null;
  /** 类型 */
  companyType: string | null;
  /** 成立日期 */
  establishedOn: string | null;
}

/**
 * Reads a business licence photo or scan (JPG/PNG bytes) for the enterprise form's comparison dialog and the
 * reviewer. Interface only for now: issue 9 (enterprise information and review, J2/J3) implements it with an
 * offline OCR engine run off the event loop, and registers it in the composition root.
 */
export interface LicenceRecognizer {
  readonly name: string;
  recognise(image: Uint8Array): Promise<LicenceFields>;
}
