import { describe, expect, it } from "vitest";
import { certificateToPem, describeCertificate, parseCertificatePem } from "./certificate";
import { PkiError } from "./errors";
import { buildSubject } from "./subject";
import {
  issueTestCertificate,
  makeSelfSignedCertificate,
  makeTestCa,
  TEST_ORGANIZATION_PROFILE,
  TEST_PERSONAL_PROFILE,
} from "./testing";

describe("subject profiles", async () => {
  const ca = await makeTestCa();

  it("round-trips a personal certificate with Chinese names", async () => {
    const { certificatePem, serialNumber } = await issueTestCertificate({ ca, profile: TEST_PERSONAL_PROFILE });
    const described = describeCertificate(certificatePem);
    expect(described).toMatchObject({
      holderKind: "personal",
      holderName: "测试持证人",
      enterpriseName: "辽宁测试建设工程有限公司",
      uscc: "91350100M000100Y43",
      idNumber: "11010519491231002X",
      categoryCode: "project_lead",
      serialNumber,
      keyAlgorithm: "EC-P256",
    });
    expect(described.subject).toBe(
      "C=CN, O=辽宁测试建设工程有限公司, organizationIdentifier=91350100M000100Y43, CN=测试持证人, serialNumber=11010519491231002X, title=project_lead",
    );
    expect(described.issuer).toBe("C=CN, O=测试 CA, CN=测试 CA签发 CA");
    expect(described.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
    // The full parser agrees with the fast reader.
    const parsed = parseCertificatePem(certificatePem);
    expect(parsed.subjectName.getField("CN")).toEqual(["测试持证人"]);
    expect(parsed.notAfter).toEqual(described.notAfter);
    expect(parsed.serialNumber.toLowerCase().replace(/^0+/, "")).toBe(serialNumber);
  });

  it("round-trips an organization certificate and an RSA key", async () => {
    const { certificatePem } = await issueTestCertificate({
      ca,
      profile: TEST_ORGANIZATION_PROFILE,
      algorithm: "RSA-2048",
    });
    expect(describeCertificate(parseCertificatePem(certificatePem))).toMatchObject({
      holderKind: "organization",
      holderName: "辽宁测试建设工程有限公司",
      uscc: "91350100M000100Y43",
      idNumber: null,
      categoryCode: "unit_main",
      keyAlgorithm: "RSA-2048",
      subject:
        "C=CN, ST=辽宁省, L=沈阳市, O=辽宁测试建设工程有限公司, CN=辽宁测试建设工程有限公司, organizationIdentifier=91350100M000100Y43, title=unit_main",
    });
  });

  it("calls a unit_main certificate with a resident ID personal", async () => {
    const { certificatePem } = await makeSelfSignedCertificate({
      profile: { ...TEST_PERSONAL_PROFILE, categoryCode: "unit_main" },
    });
    expect(describeCertificate(certificatePem).holderKind).toBe("personal");
  });

  it("encodes Chinese as UTF8String and the country as PrintableString", () => {
    const der = Buffer.from(buildSubject(TEST_ORGANIZATION_PROFILE).toArrayBuffer());
    expect(der.includes(Buffer.concat([Buffer.from([0x0c, 9]), Buffer.from("辽宁省")]))).toBe(true);
    expect(der.includes(Buffer.from([0x13, 0x02, 0x43, 0x4e]))).toBe(true);
  });

  it.each([
    ["organization without USCC", { ...TEST_ORGANIZATION_PROFILE, uscc: undefined }],
    ["organization with another category", { ...TEST_ORGANIZATION_PROFILE, categoryCode: "project_lead" }],
    ["organization with a resident ID", { ...TEST_ORGANIZATION_PROFILE, idNumber: "11010519491231002X" }],
    ["personal without resident ID", { ...TEST_PERSONAL_PROFILE, idNumber: undefined }],
    ["personal with an empty name", { ...TEST_PERSONAL_PROFILE, holderName: "" }],
  ])("refuses a profile: %s", (_name, profile) => {
    expect(() => buildSubject(profile)).toThrow(expect.objectContaining({ reason: "invalid_profile" }));
  });
});

describe("parsing", () => {
  it.each([
    ["garbage", "hello"],
    ["a PEM of garbage", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"],
    ["a key instead", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"],
  ])("throws malformed for %s", (_name, pem) => {
    expect(() => parseCertificatePem(pem)).toThrow(PkiError);
    expect(() => describeCertificate(pem)).toThrow(expect.objectContaining({ reason: "malformed" }));
  });

  it("refuses trailing bytes after the certificate", async () => {
    const { certificatePem } = await makeSelfSignedCertificate();
    const der = Buffer.concat([Buffer.from(parseCertificatePem(certificatePem).rawData), Buffer.from([0])]);
    const pem = `-----BEGIN CERTIFICATE-----\n${der.toString("base64")}\n-----END CERTIFICATE-----`;
    expect(() => parseCertificatePem(pem)).toThrow(expect.objectContaining({ reason: "malformed" }));
  });

  it("writes PEM back identically", async () => {
    const { certificatePem } = await makeSelfSignedCertificate();
    expect(certificateToPem(parseCertificatePem(certificatePem)).trim()).toBe(certificatePem.replace(/\r/g, "").trim());
  });
});
