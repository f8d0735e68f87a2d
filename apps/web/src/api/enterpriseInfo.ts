import type {
  BasicInfo,
  EnterpriseAttachmentKind,
  EnterpriseInformation,
  InvoicingInfo,
  LicenceComparison,
} from "@lnca/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}/information`;
const informationKey = (enterpriseId: string) => ["enterprise-information", enterpriseId] as const;

/** Recognition may be slow (OCR on a busy server); the dialog gives up after this and lets the user go on. */
export const RECOGNITION_TIMEOUT_MS = 15_000;

/** 【企业信息】: the revision in force, the latest one (draft, under review or decided) and whether one may edit. */
export function useEnterpriseInformation(enterpriseId: string) {
  return useQuery({
    queryKey: informationKey(enterpriseId),
    queryFn: () => api<EnterpriseInformation>(base(enterpriseId)),
  });
}

/** Every change of the draft answers the whole information: keep it as the page's data. */
function useDraftChange<T>(enterpriseId: string, change: (input: T) => Promise<EnterpriseInformation>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (information) => queryClient.setQueryData(informationKey(enterpriseId), information),
  });
}

export function useSaveBasicInfo(enterpriseId: string) {
  return useDraftChange(enterpriseId, (body: BasicInfo) =>
    api<EnterpriseInformation>(`${base(enterpriseId)}/draft/basic`, { method: "PUT", body }),
  );
}

export function useSaveInvoicingInfo(enterpriseId: string) {
  return useDraftChange(enterpriseId, (body: InvoicingInfo) =>
    api<EnterpriseInformation>(`${base(enterpriseId)}/draft/invoicing`, { method: "PUT", body }),
  );
}

export function useUploadEnterpriseAttachment(enterpriseId: string) {
  return useDraftChange(enterpriseId, ({ kind, file }: { kind: EnterpriseAttachmentKind; file: File }) => {
    const body = new FormData();
    body.append("file", file);
    return api<EnterpriseInformation>(`${base(enterpriseId)}/draft/attachments/${kind}`, { method: "POST", body });
  });
}

export function useSubmitEnterpriseInfo(enterpriseId: string) {
  return useDraftChange(enterpriseId, () =>
    api<EnterpriseInformation>(`${base(enterpriseId)}/draft/submit`, { method: "POST" }),
  );
}

/** Reads the draft's business licence and compares it with what was entered; aborted after the timeout. */
export async function recogniseLicence(enterpriseId: string): Promise<LicenceComparison> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), RECOGNITION_TIMEOUT_MS);
  try {
    return await api<LicenceComparison>(`${base(enterpriseId)}/draft/recognition`, {
      method: "POST",
      signal: controller.signal,
    });
  } finally {
    clearTimeout(timer);
  }
}

/** 电子签章印模采集表, generated with the enterprise's data (a PDF download). */
export const sealFormUrl = (enterpriseId: string) => `/api/v1${base(enterpriseId)}/seal-form`;

/** Where an attachment of a revision opens (images and PDFs inline). */
export const revisionAttachmentUrl = (enterpriseId: string, revisionId: string, kind: EnterpriseAttachmentKind) =>
  `/api/v1${base(enterpriseId)}/revisions/${revisionId}/attachments/${kind}`;
