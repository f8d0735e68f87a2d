import type { DbOrTx } from "../db/database";
import { listDemoTokenBindings } from "./demo-banner.queries";
import { DEMO_PIN, DEMO_STAFF, demoKeys } from "./demo-people";

/**
 * What a newcomer needs on the console at every start of the demo. Whether a demo key is bound is read
 * from the database: a tester may have bound 徐静's key since the seed.
 */
export async function demoBanner(db: DbOrTx, origin: string): Promise<string> {
  const bindings = await listDemoTokenBindings(
    db,
    demoKeys.map((k) => k.label),
  );
  const boundMobile = new Map(bindings.map((b) => [b.label, b.mobile]));
  return [
    `演示环境：${origin}`,
    `  CA 登录：演示 CA 锁（拓展程序已随 npm start 启动），CA 锁密码 ${DEMO_PIN}`,
    ...demoKeys.map((k) => {
      const mobile = boundMobile.get(k.label);
      return `    · ${k.label}${mobile ? `（已绑定 ${mobile}）` : "（首次登录需绑定）"}`;
    }),
    `  运营后台：${origin}/console`,
    ...DEMO_STAFF.map((s) => `    · ${s.displayName}：${s.username} / ${s.password}`),
    "  短信验证码：运营后台「短信发件箱」或本日志",
  ].join("\n");
}
