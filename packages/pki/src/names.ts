/** Distinguished-name attribute types used by the subject profiles, and the one text form of a name. */
export const ATTR = {
  country: "2.5.4.6",
  stateOrProvince: "2.5.4.8",
  locality: "2.5.4.7",
  organization: "2.5.4.10",
  organizationalUnit: "2.5.4.11",
  commonName: "2.5.4.3",
  /** X.520 serialNumber: here the holder's resident ID number. */
  serialNumber: "2.5.4.5",
  /** X.520 title: here the certificate category code (unit_main, project_lead, …). */
  title: "2.5.4.12",
  /** X.520 organizationIdentifier: here the enterprise's unified social credit code. */
  organizationIdentifier: "2.5.4.97",
} as const;

const SHORT_NAMES: Record<string, string> = {
  [ATTR.country]: "C",
  [ATTR.stateOrProvince]: "ST",
  [ATTR.locality]: "L",
  [ATTR.organization]: "O",
  [ATTR.organizationalUnit]: "OU",
  [ATTR.commonName]: "CN",
  [ATTR.serialNumber]: "serialNumber",
  [ATTR.title]: "title",
  [ATTR.organizationIdentifier]: "organizationIdentifier",
  "1.2.840.113549.1.9.1": "E",
};

export type NameAttribute = readonly [oid: string, value: string];

/**
 * "C=CN, ST=辽宁省, O=…, CN=…": attributes in encoded order (not RFC 4514's reversed order, matching how
 * @peculiar/x509 and Windows show names), RFC 4514 escaping, unknown types as dotted OIDs.
 */
export function formatName(attributes: readonly NameAttribute[]): string {
  return attributes.map(([oid, value]) => `${SHORT_NAMES[oid] ?? oid}=${escapeValue(value)}`).join(", ");
}

function escapeValue(value: string): string {
  return value
    .replace(/([,+"\\<>;])/g, "\\$1")
    .replace(/^([ #])/, "\\$1")
    .replace(/ $/, "\\ ");
}

export function firstValue(attributes: readonly NameAttribute[], oid: string): string | null {
  return attributes.find(([type]) => type === oid)?.[1] ?? null;
}
