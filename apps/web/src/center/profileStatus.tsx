import { PROFILE_FIELD_NAMES, type Profile } from "@lnca/contracts";
import { Tag } from "antd";

/** 已完善 / 未完善, as the guide's figure shows it. */
export function ProfileStatusTag({ complete }: { complete: boolean }) {
  return (
    <Tag color={complete ? "success" : "warning"} data-testid="profile-status">
      {complete ? "已完善" : "未完善"}
    </Tag>
  );
}

/** What 未完善 lacks, in the page's words: "身份证人像面扫描件、电子邮箱". */
export const missingText = (profile: Pick<Profile, "missing">): string =>
  profile.missing.map((field) => PROFILE_FIELD_NAMES[field]).join("、");
