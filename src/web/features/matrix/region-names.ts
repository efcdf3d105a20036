/**
 * A region's name as a matrix column shows it, short enough for twelve columns on a laptop: the words a
 * council's formal name adds around the place are left out ("Regionrådet for Hallingdal" → "Hallingdal",
 * "Folloregionen interkommunale politiske råd" → "Folloregionen", "Indre Østfold regionråd" → "Indre
 * Østfold"), and a long "…regionen" may break before "regionen" with a hyphen (a soft hyphen). The full name
 * stays the column's accessible name and its tooltip. A name that is only such words is kept whole.
 */
const wrappers = [
  /^(regionrådet|samarbeidsrådet|regionsamarbeidet|interkommunalt politisk råd) for\s+/i,
  /\s+(interkommunale politiske råd|interkommunalt politisk råd|regionråd|regionrådet)$/i,
];

export function shortRegionName(name: string): string {
  let short = name.trim();
  for (const wrapper of wrappers) short = short.replace(wrapper, '');
  if (short === '') return name;
  return short.length > 12 ? short.replace(/(\p{L})(regionen)$/u, '$1\u00ad$2') : short;
}
