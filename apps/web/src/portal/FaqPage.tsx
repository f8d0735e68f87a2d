import { DownloadOutlined } from "@ant-design/icons";
import { Breadcrumb, Button, Card, Typography } from "antd";
import { marked, type Token, type Tokens } from "marked";
import { Children, type ReactNode } from "react";
import { Link } from "react-router-dom";
import faqMarkdown from "../../../../docs/FAQ.md?raw";
import { useDocumentTitle } from "../shared/useDocumentTitle";

/**
 * 《网联新平台上线常见问题及注意事项》 to read online: docs/FAQ.md (the same text the 下载中心 serves as a PDF),
 * parsed by marked and rendered as React elements — no HTML string is ever put into the page.
 */
const tokens = marked.lexer(faqMarkdown);
const titleToken = tokens.find((t): t is Tokens.Heading => t.type === "heading" && t.depth === 1);
const title = titleToken ? titleToken.text : "常见问题";
const body = tokens.filter((token) => token !== titleToken);

export function FaqPage() {
  useDocumentTitle(title);
  return (
    <div className="container page-body">
      <Breadcrumb items={[{ title: <Link to="/downloads">下载中心</Link> }, { title: "常见问题" }]} />
      <Typography.Title level={1} className="page-title">
        {title}
      </Typography.Title>
      <Card className="faq" data-testid="faq">
        <Typography>{blocks(body)}</Typography>
        <Button type="primary" icon={<DownloadOutlined />} href="/api/v1/downloads/faq" download>
          下载 PDF
        </Button>
      </Card>
    </div>
  );
}

/** Markdown has no ids to key by; Children.toArray keys the siblings by their place, which never changes. */
function blocks(tokens: Token[]): ReactNode[] {
  return Children.toArray(tokens.map(block));
}

function block(token: Token): ReactNode {
  switch (token.type) {
    case "heading": {
      const Heading = token.depth <= 2 ? "h2" : "h3";
      return <Heading>{inline(token.tokens ?? [])}</Heading>;
    }
    case "paragraph":
      return <p>{inline(token.tokens ?? [])}</p>;
    case "text":
      return <span>{inline(token.tokens ?? [token])}</span>;
    case "list": {
      const list = token as Tokens.List;
      const items = list.items.map((item) => <li key={item.raw}>{blocks(item.tokens)}</li>);
      return list.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    default:
      return null;
  }
}

function inline(tokens: Token[]): ReactNode[] {
  return Children.toArray(tokens.map(inlineToken));
}

function inlineToken(token: Token): ReactNode {
  switch (token.type) {
    case "strong":
      return <strong>{inline(token.tokens ?? [])}</strong>;
    case "em":
      return <em>{inline(token.tokens ?? [])}</em>;
    case "codespan":
      return <code>{decodeEntities(token.text)}</code>;
    case "br":
      return <br />;
    default:
      if ("tokens" in token && token.tokens) return inline(token.tokens);
      return "text" in token ? decodeEntities(String(token.text)) : null;
  }
}

/** marked escapes `<`, `>`, `&` and quotes in the text it hands over; React escapes them again itself. */
function decodeEntities(text: string): string {
  return text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");
}
