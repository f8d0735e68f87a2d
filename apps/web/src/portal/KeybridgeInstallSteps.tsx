/** Install steps of the keybridge, after the guide §四(一), for the package the 下载中心 offers. */
const STEPS = [
  { title: "下载拓展程序", content: "在【下载中心】点击“下载拓展程序”，浏览器左下角提示时点击“保留”，完成下载。" },
  { title: "关闭浏览器", content: "关闭所有浏览器窗口，找到已下载的拓展程序。" },
  {
    title: "运行拓展程序",
    content:
      "单文件版本先赋予运行权限（chmod +x）再运行；压缩包版本解压后运行其中的 lnca-keybridge。看到“keybridge listening”即已启动，请保持其窗口打开。",
  },
  {
    title: "重新打开浏览器",
    content: "再次打开谷歌、Edge 或火狐浏览器；浏览器询问是否允许本网站访问本机应用时，请点击“允许”。",
  },
  { title: "重新登录", content: "重新登录平台，即可进行 CA 登录及证书更新（自助年检）。" },
];

export function KeybridgeInstallSteps() {
  return (
    <ol className="install-steps" data-testid="keybridge-install-steps">
      {STEPS.map((step) => (
        <li key={step.title}>
          <div className="install-step-title">{step.title}</div>
          <div className="install-step-content">{step.content}</div>
        </li>
      ))}
    </ol>
  );
}
