import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Readable } from "node:stream";
import type { ConsoleDownloadList, DownloadItem, DownloadList, DownloadName } from "@lnca/contracts";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { renderSealCollectionForm } from "../enterprises/seal-form/seal-collection-form";
import { renderFaqPdf } from "./faq-pdf";
import type { KeybridgePackage, KeybridgePackageFolder } from "./keybridge-package";

export interface DownloadFile {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  body: Readable | Buffer;
}

interface Document {
  fileName: string;
  bytes: Buffer;
  sha256: string;
}

const KEYBRIDGE_TITLE = "CA 互联互通(辽宁版) 驱动（拓展程序）";
const PDF = "application/pdf";

/**
 * 下载中心: the keybridge package (as `npm run build:keybridge` left it), the blank 电子签章印模采集表 and the
 * FAQ 《网联新平台上线常见问题及注意事项》 (docs/FAQ.md as a PDF). The two PDFs are made once per content and kept.
 */
export class DownloadsService {
  private sealForm: Promise<Document> | null = null;
  private faq: { markdown: string; document: Promise<Document> } | null = null;

  constructor(private readonly deps: { keybridge: KeybridgePackageFolder; faqFile: string; clock: Clock }) {}

  async list(): Promise<DownloadList> {
    const [keybridge, sealForm, faq] = await Promise.all([
      this.deps.keybridge.read(),
      this.blankSealForm(),
      this.faqPdf(),
    ]);
    return {
      items: [
        keybridgeItem(keybridge),
        documentItem(
          "seal-form",
          "电子签章印模采集表",
          "企业信息审核「签署信息」一步所需表格（空白模板），打印后加盖单位公章并由法定代表人签字。已登录的管理员可在【编辑企业信息】中下载按本单位信息生成的版本。",
          sealForm,
        ),
        documentItem(
          "faq",
          "《网联新平台上线常见问题及注意事项》",
          "拓展程序的安装与启动、浏览器的本地网络访问权限、CA 锁密码锁定、订单过期、更新数字证书时插哪把锁、发票与联系方式。",
          faq,
        ),
      ],
    };
  }

  async consoleList(): Promise<ConsoleDownloadList> {
    const [list, keybridge] = await Promise.all([this.list(), this.deps.keybridge.read()]);
    return { ...list, keybridgeBuild: keybridge.info };
  }

  async open(name: DownloadName): Promise<DownloadFile> {
    if (name === "keybridge") {
      const { info, file } = await this.deps.keybridge.read();
      if (!file || !info.manifest) throw new AppError("DOWNLOAD_NOT_READY");
      const { fileName, kind, size, sha256 } = info.manifest;
      const mediaType = kind === "archive" ? "application/gzip" : "application/octet-stream";
      return { fileName, mediaType, size, sha256, body: this.deps.keybridge.open(file) };
    }
    const document = await (name === "seal-form" ? this.blankSealForm() : this.faqPdf());
    return { ...document, mediaType: PDF, size: document.bytes.length, body: document.bytes };
  }

  private blankSealForm(): Promise<Document> {
    if (!this.sealForm) {
      const blank = { enterpriseName: "", uscc: "", legalRepresentative: "", address: "" };
      this.sealForm = renderSealCollectionForm({ ...blank, generatedAt: this.deps.clock.now() }).then((pdf) =>
        document("电子签章印模采集表.pdf", pdf),
      );
      this.sealForm.catch(() => {
        this.sealForm = null;
      });
    }
    return this.sealForm;
  }

  /** Re-read on every call (a few KB): an edited FAQ is served without a restart. */
  private async faqPdf(): Promise<Document> {
    const markdown = await readFile(this.deps.faqFile, "utf8");
    if (this.faq?.markdown !== markdown) {
      const made = renderFaqPdf(markdown).then((pdf) => document("网联新平台上线常见问题及注意事项.pdf", pdf));
      made.catch(() => {
        if (this.faq?.document === made) this.faq = null;
      });
      this.faq = { markdown, document: made };
    }
    return this.faq.document;
  }
}

function document(fileName: string, pdf: Uint8Array): Document {
  const bytes = Buffer.from(pdf);
  return { fileName, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

const url = (name: DownloadName) => `/api/v1/downloads/${name}`;

function documentItem(name: DownloadName, title: string, description: string, document: Document): DownloadItem {
  return {
    name,
    title,
    description,
    url: url(name),
    fileName: document.fileName,
    mediaType: PDF,
    version: null,
    sha256: document.sha256,
    size: document.bytes.length,
    unavailableReason: null,
  };
}

function keybridgeItem({ info, file }: KeybridgePackage): DownloadItem {
  const manifest = file ? info.manifest : null;
  const description =
    "运行在插着 CA 锁的电脑上，网页通过它读取 CA 锁中的数字证书，完成 CA 登录与证书更新（自助年检）。" +
    (manifest?.kind === "archive"
      ? "压缩包自带运行环境，解压后运行其中的 lnca-keybridge。"
      : "单个可执行文件，下载后赋予运行权限即可运行。") +
    `适用于 ${manifest?.platform === "linux-x64" ? "Linux x64" : (manifest?.platform ?? "Linux x64")}。`;
  return {
    name: "keybridge",
    title: KEYBRIDGE_TITLE,
    description,
    url: manifest ? url("keybridge") : null,
    fileName: manifest?.fileName ?? null,
    mediaType: manifest ? (manifest.kind === "archive" ? "application/gzip" : "application/octet-stream") : null,
    version: manifest?.version ?? null,
    sha256: manifest?.sha256 ?? null,
    size: manifest?.size ?? null,
    unavailableReason: manifest ? null : unavailableReason(info),
  };
}

function unavailableReason(info: KeybridgePackage["info"]): string {
  if (info.status === "building") return "拓展程序安装包正在构建，请稍后刷新本页。";
  if (info.manifest) return `安装包文件与其清单不符，请运维人员重新构建（${info.buildCommand}）。`;
  return `拓展程序安装包尚未构建，请运维人员在平台服务器上执行 ${info.buildCommand}。`;
}
