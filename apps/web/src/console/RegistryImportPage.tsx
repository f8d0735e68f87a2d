import { InboxOutlined } from "@ant-design/icons";
import type { RegistryImportResponse } from "@lnca/contracts";
import { Alert, Button, Card, Col, Flex, Input, Row, Statistic, Table, Upload } from "antd";
import { useState } from "react";
import { errorMessage } from "../api/client";
import { useRegistryImport } from "../api/console";
import { PageHeader } from "../shared/PageHeader";
import { RegistryColumns } from "./RegistryColumns";
import { readCsvFile } from "./readCsvFile";

type RejectedLine = RegistryImportResponse["rejected"][number];

/** 证书名录: imports the old platform's certificates so their holders bind on first login without registering. */
export function RegistryImportPage() {
  const [csv, setCsv] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const importer = useRegistryImport();
  const result = importer.data;

  return (
    <>
      <PageHeader
        title="证书名录"
        description="导入已在网联老平台办理的 CA 数字证书。名录中的证书首次 CA 登录时直接绑定账号，无需重新注册；序列号已存在的证书将被更新。"
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title="导入名录">
            <Upload.Dragger
              accept=".csv,text/csv"
              maxCount={1}
              showUploadList={false}
              beforeUpload={async (file) => {
                setCsv(await readCsvFile(file));
                setFileName(file.name);
                importer.reset();
                return false; // Read in the browser; the text is sent with the import request.
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或拖拽 CSV 文件到此区域</p>
              <p className="ant-upload-hint">
                {fileName ? `已读取：${fileName}` : "支持 UTF-8 或 GBK 编码的 CSV 文件"}
              </p>
            </Upload.Dragger>
            <Input.TextArea
              data-testid="registry-csv"
              className="registry-textarea"
              value={csv}
              onChange={(event) => {
                setCsv(event.target.value);
                setFileName(null);
              }}
              placeholder="或在此粘贴 CSV 内容"
              autoSize={{ minRows: 6, maxRows: 14 }}
              spellCheck={false}
            />
            <Flex justify="flex-end" gap={12} style={{ marginTop: 16 }}>
              <Button
                onClick={() => {
                  setCsv("");
                  setFileName(null);
                  importer.reset();
                }}
                disabled={!csv}
              >
                清空
              </Button>
              <Button
                type="primary"
                loading={importer.isPending}
                disabled={!csv.trim()}
                onClick={() => importer.mutate(csv)}
              >
                开始导入
              </Button>
            </Flex>
          </Card>
          {importer.isError && (
            <Alert
              type="error"
              showIcon
              title="导入失败"
              description={errorMessage(importer.error)}
              className="section-gap-top"
            />
          )}
          {result && (
            <Card title="导入结果" className="section-gap-top" data-testid="registry-result">
              <Row gutter={16}>
                <Col span={8}>
                  <Statistic title="新增" value={result.imported} suffix="条" />
                </Col>
                <Col span={8}>
                  <Statistic title="更新" value={result.updated} suffix="条" />
                </Col>
                <Col span={8}>
                  <Statistic
                    title="未导入"
                    value={result.rejected.length}
                    suffix="条"
                    styles={{ content: { color: result.rejected.length > 0 ? "#cf1322" : undefined } }}
                  />
                </Col>
              </Row>
              {result.rejected.length > 0 && (
                <Table<RejectedLine>
                  data-testid="registry-rejected"
                  className="section-gap-top"
                  size="small"
                  rowKey="line"
                  dataSource={result.rejected}
                  pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
                  columns={[
                    { title: "行号", dataIndex: "line", width: 80 },
                    { title: "错误代码", dataIndex: "code", width: 220 },
                    { title: "原因", dataIndex: "message" },
                  ]}
                />
              )}
            </Card>
          )}
        </Col>
        <Col xs={24} xl={10}>
          <Card title="文件格式">
            <RegistryColumns />
          </Card>
        </Col>
      </Row>
    </>
  );
}
