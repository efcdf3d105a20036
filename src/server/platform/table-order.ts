/**
 * The order of a table sorted in memory by a column (the overview, the agreements table): text the Norwegian
 * way (æ, ø, å last), numbers in text by value, case ignored, as the web's tables always sorted.
 */
export const tableCollator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/** Two values of a column: numbers as numbers, anything else as text. */
export const compareColumnValues = (x: string | number, y: string | number): number =>
  typeof x === 'number' && typeof y === 'number' ? x - y : tableCollator.compare(String(x), String(y));
