/** Install steps of the keybridge, after the guide §四(一). */
const STEPS = [
  { title: "下载拓展程序", content: "点击下载，浏览器左下角提示时点击“保留”，完成下载。" },
  { title: "关闭浏览器", content: "关闭所有浏览器窗口，找到已下载的拓展程序。" },
  { title: "安装拓展程序", content: "运行拓展程序安装包，按提示完成安装。" },
  { title: "重新打开浏览器", content: "再次打开谷歌或火狐浏览器，拓展程序图标显示后即安装成功。" },
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
