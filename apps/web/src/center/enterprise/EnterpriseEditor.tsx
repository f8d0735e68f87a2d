import type { EnterpriseInformation } from "@lnca/contracts";
import { App, Card, Form, Steps } from "antd";
import { useRef, useState } from "react";
import { useNavigate } from "react-router-dom";
import { errorMessage, isApiError } from "../../api/client";
import {
  recogniseLicence,
  useSaveBasicInfo,
  useSaveInvoicingInfo,
  useSubmitEnterpriseInfo,
} from "../../api/enterpriseInfo";
import { PageHeader } from "../../shared/PageHeader";
import { BasicInfoStep } from "./BasicInfoStep";
import { BASIC_FIELDS, type BasicFormValues, basicInfoOf } from "./basicForm";
import { EnterpriseBreadcrumb } from "./EnterpriseBreadcrumb";
import { firstStep } from "./firstStep";
import { InvoicingStep } from "./InvoicingStep";
import { INVOICING_FIELDS, type InvoicingFormValues, invoicingFormValues, invoicingInfoOf } from "./invoicingForm";
import { type LicenceCheck, LicenceCheckModal } from "./LicenceCheckModal";
import { SigningStep } from "./SigningStep";
import { SubmitConfirmModal } from "./SubmitConfirmModal";
import { showAtServerField } from "./serverFieldError";

const STEPS = [{ title: "单位基本信息" }, { title: "开票信息" }, { title: "签署信息" }];

/** What a refused submission says: ENTERPRISE_INFO_INCOMPLETE lists what is still missing. */
function submitProblem(error: unknown): string {
  if (isApiError(error, "ENTERPRISE_INFO_INCOMPLETE")) {
    const missing = (error.details.details as { missing?: unknown } | undefined)?.missing;
    if (Array.isArray(missing) && missing.length > 0) return `${error.message}：${missing.join("、")}`;
  }
  return errorMessage(error);
}

/**
 * 【编辑企业信息】's three steps, one on screen at a time. The form instances live here, so going back and forth
 * keeps what was typed; each 【下一步】 saves its step to the draft, so the user can leave and come back.
 */
export function EnterpriseEditor({ information }: { information: EnterpriseInformation }) {
  const { enterprise } = information;
  const { message } = App.useApp();
  const navigate = useNavigate();
  // The information as the page opened: a rejected or approved revision being revised, before any save.
  const [opened] = useState(information);
  const [step, setStep] = useState(() => firstStep(information.latest));
  const [basicForm] = Form.useForm<BasicFormValues>();
  const [invoicingForm] = Form.useForm<InvoicingFormValues>();
  const saveBasic = useSaveBasicInfo(enterprise.id);
  const saveInvoicing = useSaveInvoicingInfo(enterprise.id);
  const submit = useSubmitEnterpriseInfo(enterprise.id);
  const [check, setCheck] = useState<LicenceCheck>({ state: "closed" });
  // A recognition the user walked away from (【返回修改】) must not reopen the dialog when it answers late.
  const recognition = useRef(0);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function nextFromBasic(values: BasicFormValues) {
    try {
      await saveBasic.mutateAsync(basicInfoOf(values, enterprise.uscc));
    } catch (error) {
      if (!showAtServerField(basicForm, error, BASIC_FIELDS)) message.error(errorMessage(error));
      return;
    }
    const run = ++recognition.current;
    setCheck({ state: "recognising" });
    try {
      const comparison = await recogniseLicence(enterprise.id);
      if (recognition.current === run) setCheck({ state: "compared", comparison });
    } catch {
      if (recognition.current === run) setCheck({ state: "unavailable" });
    }
  }

  function closeCheck(goOn: boolean) {
    recognition.current += 1;
    setCheck({ state: "closed" });
    if (goOn) setStep(1);
  }

  async function nextFromInvoicing(values: InvoicingFormValues) {
    try {
      await saveInvoicing.mutateAsync(invoicingInfoOf(values));
      setStep(2);
    } catch (error) {
      if (!showAtServerField(invoicingForm, error, INVOICING_FIELDS)) message.error(errorMessage(error));
    }
  }

  function confirmSubmit() {
    setProblem(null);
    submit.mutate(undefined, {
      onSuccess: () => {
        message.success("企业信息已提交审核，审核结果将以短信形式告知");
        navigate("/center/enterprise");
      },
      onError: (error) => setProblem(submitProblem(error)),
    });
  }

  return (
    <>
      <EnterpriseBreadcrumb editing />
      <PageHeader
        title="编辑企业信息"
        description="页面内容均为必填项，审核周期为一个工作日，审核结果以短信形式告知。"
      />
      <Card>
        <Steps current={step} items={STEPS} className="section-gap" />
        {step === 0 && (
          <BasicInfoStep
            form={basicForm}
            information={information}
            saving={saveBasic.isPending}
            onNext={(values) => void nextFromBasic(values)}
          />
        )}
        {step === 1 && (
          <InvoicingStep
            form={invoicingForm}
            information={information}
            initialValues={invoicingFormValues(opened, information)}
            saving={saveInvoicing.isPending}
            onBack={() => setStep(0)}
            onNext={(values) => void nextFromInvoicing(values)}
          />
        )}
        {step === 2 && (
          <SigningStep
            information={information}
            onBack={() => setStep(1)}
            onSubmit={() => {
              setProblem(null);
              setConfirming(true);
            }}
          />
        )}
      </Card>
      <LicenceCheckModal check={check} onConfirm={() => closeCheck(true)} onCancel={() => closeCheck(false)} />
      <SubmitConfirmModal
        open={confirming}
        information={information}
        submitting={submit.isPending}
        problem={problem}
        onConfirm={confirmSubmit}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}
