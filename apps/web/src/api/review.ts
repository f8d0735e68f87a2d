import type { EnterpriseAttachmentKind, ReviewDetail, ReviewQueueItem, reviewQueueQuerySchema } from "@lnca/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "./client";
import type { Page } from "./console";

export type ReviewQueueStatus = z.infer<typeof reviewQueueQuerySchema>["status"];

export interface ReviewQueueParams {
  status: ReviewQueueStatus;
  search: string;
  page: number;
  pageSize: number;
}

const BASE = "/console/enterprise-reviews";
const REVIEWS_KEY = ["console", "enterprise-reviews"] as const;

/** 审核队列: one page of revisions in the given state, in order of submission. */
export function useReviewQueue({ status, search, page, pageSize }: ReviewQueueParams) {
  const params = new URLSearchParams({ status, page: String(page), pageSize: String(pageSize) });
  if (search) params.set("search", search);
  return useQuery({
    queryKey: [...REVIEWS_KEY, "queue", status, search, page, pageSize],
    queryFn: () => api<Page<ReviewQueueItem>>(`${BASE}?${params}`),
    placeholderData: keepPreviousData,
    // Other reviewers claim and decide meanwhile: the queue is read again whenever the page is shown.
    staleTime: 0,
  });
}

export function useReviewDetail(revisionId: string) {
  return useQuery({
    queryKey: [...REVIEWS_KEY, "detail", revisionId],
    queryFn: () => api<ReviewDetail>(`${BASE}/${revisionId}`),
    staleTime: 0,
  });
}

export type ReviewAction = { revisionId: string } & (
  | { kind: "claim" }
  | { kind: "release" }
  | { kind: "approve" }
  | { kind: "reject"; opinion: string }
);

/**
 * 领取 / 放弃领取 / 审核通过 / 审核不通过: each answers the revision as it now stands, which replaces the cached
 * detail; the queue and the detail are read again either way (a 409 means someone else changed it meanwhile).
 */
export function useReviewAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ReviewAction) =>
      api<ReviewDetail>(`${BASE}/${action.revisionId}/${action.kind}`, {
        method: "POST",
        body: action.kind === "reject" ? { opinion: action.opinion } : {},
      }),
    onSuccess: (detail, action) => queryClient.setQueryData([...REVIEWS_KEY, "detail", action.revisionId], detail),
    onError: () => queryClient.invalidateQueries({ queryKey: REVIEWS_KEY }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...REVIEWS_KEY, "queue"] }),
  });
}

/** Where the reviewer's browser loads an attachment (same origin, the staff cookie goes along; each view is audited). */
export function reviewAttachmentUrl(revisionId: string, kind: EnterpriseAttachmentKind): string {
  return `/api/v1${BASE}/${revisionId}/attachments/${kind}`;
}
