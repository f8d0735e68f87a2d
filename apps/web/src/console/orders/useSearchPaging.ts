import type { TablePaginationConfig } from "antd";
import { useState } from "react";

/**
 * The page of a server-paginated console table that follows a search: a new search starts again from its
 * first page (keeping the page size); `pagination(total)` is the table's pager.
 */
export function useSearchPaging<S>(search: S, initialPageSize = 20) {
  const [paging, setPaging] = useState({ page: 1, pageSize: initialPageSize, search });
  const { page, pageSize } = paging.search === search ? paging : { page: 1, pageSize: paging.pageSize };
  const pagination = (total: number): TablePaginationConfig => ({
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    showTotal: (count) => `共 ${count} 条`,
    onChange: (p, size) => setPaging({ page: size === pageSize ? p : 1, pageSize: size, search }),
  });
  return { page, pageSize, pagination };
}
