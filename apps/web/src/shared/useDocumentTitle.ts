import { useEffect } from "react";

const SITE = "CA 互联互通服务平台（辽宁版）";

/** Names the browser tab after the page, so users with several tabs open can tell them apart. */
export function useDocumentTitle(title?: string): void {
  useEffect(() => {
    document.title = title ? `${title} - ${SITE}` : SITE;
  }, [title]);
}
