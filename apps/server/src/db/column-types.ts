/** A column that may hold NULL. */
export type Nullable<T> = T | null;
