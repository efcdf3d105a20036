/**
 * An amount of kroner as Norwegians type it: «1 200 000», «1200000», «1 200 000 kr», «kr 1 200 000»,
 * «1 200 000,-», «1 200 000,00» or «1.200.000», with an ordinary, a non-breaking or a narrow non-breaking
 * space (as a number copied from a formatted page has) between the thousands. Nothing typed is null. A
 * leading minus is kept, so the schema can say that the amount cannot be negative rather than that it is
 * not an amount. Anything else, «1,5 mill.» or «12,50», is NaN: the shared schemas refuse it as not whole
 * kroner, with a message that shows an amount that works.
 */
export function kronerOfInput(text: string): number | null {
  const spaceless = text.replace(/[\s\u00a0\u202f]/g, '');
  if (spaceless === '') return null;
  const compact = spaceless
    .replace(/^kr\.?/i, '')
    .replace(/kr\.?$/i, '')
    .replace(/,(-|–|00)$/, '')
    .replace(/^[−–]/, '-');
  const sign = compact.startsWith('-') ? -1 : 1;
  const digits = sign < 0 ? compact.slice(1) : compact;
  // Dots only as thousands separators, in groups of three: «1.5» is not fifteen kroner.
  if (/^\d{1,3}(\.\d{3})+$/.test(digits)) return sign * Number(digits.replaceAll('.', ''));
  if (/^\d+$/.test(digits)) return sign * Number(digits);
  return Number.NaN;
}
