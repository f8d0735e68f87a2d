import { ENTITY_TYPE_NAMES, type EntityType, entityTypeSchema } from "@lnca/contracts";
import { Checkbox } from "antd";

interface EntityTypesFieldProps {
  id?: string;
  value?: EntityType[];
  onChange?: (value: EntityType[]) => void;
  "aria-describedby"?: string;
  "aria-invalid"?: "true";
}

const OPTIONS = entityTypeSchema.options.map((t) => ({ value: t, label: ENTITY_TYPE_NAMES[t] }));

/**
 * 主体类型 (招标单位 / 投标单位 / 招标代理, one or more) as a named group. The Form.Item's aria-required is left
 * out: it is not allowed on a group (axe, critical); the label's mark and the check say it is required.
 */
export function EntityTypesField(props: EntityTypesFieldProps) {
  const { id, value, onChange } = props;
  return (
    <fieldset
      id={id}
      className="plain-fieldset"
      aria-label="主体类型"
      aria-describedby={props["aria-describedby"]}
      aria-invalid={props["aria-invalid"]}
    >
      <Checkbox.Group value={value} onChange={onChange} options={OPTIONS} />
    </fieldset>
  );
}
