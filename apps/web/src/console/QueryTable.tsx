import type { UseQueryResult } from "@tanstack/react-query";
import { Table, type TableColumnsType } from "antd";
import { ErrorResult } from "../shared/ErrorResult";

interface QueryTableProps<T> {
  query: UseQueryResult<T[]>;
  columns: TableColumnsType<T>;
  rowKey: keyof T & string;
  emptyText: string;
  testId?: string;
}

/** A whole-list endpoint shown as a table, paginated in the browser, with loading, error and empty states. */
export function QueryTable<T extends object>({ query, columns, rowKey, emptyText, testId }: QueryTableProps<T>) {
  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<T>
      data-testid={testId}
      rowKey={rowKey}
      size="middle"
      loading={query.isPending}
      dataSource={query.data}
      columns={columns}
      locale={{ emptyText }}
      pagination={{ defaultPageSize: 10, showSizeChanger: true, showTotal: (total) => `共 ${total} 条` }}
    />
  );
}
