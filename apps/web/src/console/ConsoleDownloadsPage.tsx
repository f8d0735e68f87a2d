import { LaterVersion } from "../shared/LaterVersion";

export function ConsoleDownloadsPage() {
  return (
    <LaterVersion
      title="下载中心"
      description="管理用户在【下载中心】看到的文件。"
      features={[
        "发布 CA 互联互通(辽宁版) 驱动（拓展程序）安装包",
        "发布表格与文档，如电子签章印模采集表、《网联新平台上线常见问题及注意事项》",
      ]}
    />
  );
}
