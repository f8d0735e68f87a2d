import { CheckCircleOutlined, UploadOutlined } from "@ant-design/icons";
import { ID_SCAN_MAX_BYTES, ID_SCAN_SIDE_NAMES, type IdScanSide, type Profile } from "@lnca/contracts";
import { App, Button, Space, Typography, Upload } from "antd";
import { errorMessage } from "../api/client";
import { idScanUrl, useUploadIdScan } from "../api/profile";

const ACCEPT = ".jpg,.jpeg,.png,.pdf";

/**
 * One side of the ID card: 【上传】 a JPG/PNG/PDF (the server checks what the bytes are), then 【查看】 it.
 * The size is checked here too, so a too-large file is refused before it is sent.
 */
export function IdScanUpload({ side, scan }: { side: IdScanSide; scan: Profile["idScans"]["front"] }) {
  const upload = useUploadIdScan();
  const { message } = App.useApp();
  const label = `身份证${ID_SCAN_SIDE_NAMES[side]}`;
  return (
    <Space wrap data-testid={`id-scan-${side}`}>
      <Upload
        accept={ACCEPT}
        showUploadList={false}
        beforeUpload={(file) => {
          if (file.size > ID_SCAN_MAX_BYTES) {
            message.error("文件不能超过 5 MB");
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          upload.mutate(
            { side, file: file as File },
            {
              onSuccess: (profile) => {
                message.success(`${label}已上传`);
                onSuccess?.(profile);
              },
              onError: (error) => {
                message.error(errorMessage(error));
                onError?.(error as Error);
              },
            },
          );
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} aria-label={`上传${label}`}>
          {scan ? "重新上传" : "上传"}
        </Button>
      </Upload>
      {scan ? (
        <Typography.Text type="success">
          <CheckCircleOutlined /> 已上传（{scan.mediaType === "application/pdf" ? "PDF" : "图片"}）{" "}
          <Typography.Link href={idScanUrl(side)} target="_blank" rel="noopener">
            查看
          </Typography.Link>
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">未上传（JPG/PNG/PDF，不超过 5 MB）</Typography.Text>
      )}
    </Space>
  );
}
