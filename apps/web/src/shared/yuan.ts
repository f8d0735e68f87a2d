import { formatYuan } from "@lnca/contracts";

/** Integer fen as the amount people read: 30000 → 「300 元」, 12345 → 「123.45 元」 (the guide's figures). */
export const yuan = (fen: number): string => `${formatYuan(fen)} 元`;
