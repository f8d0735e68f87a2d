import { z } from "zod";

// Validation messages reach users (server 400s, web forms), so zod speaks zh-CN everywhere contracts load.
z.config(z.locales.zhCN());
