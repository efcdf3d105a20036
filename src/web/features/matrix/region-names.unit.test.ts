import { describe, expect, it } from 'vitest';
import { shortRegionName } from './region-names';

const shy = '\u00ad';

describe('a region’s short name in the matrix', () => {
  it('leaves out the words a council’s formal name adds around the place', () => {
    expect(shortRegionName('Regionrådet for Hallingdal')).toBe('Hallingdal');
    expect(shortRegionName('Samarbeidsrådet for Nedre Romerike')).toBe('Nedre Romerike');
    expect(shortRegionName('Indre Østfold regionråd')).toBe('Indre Østfold');
    expect(shortRegionName('Folloregionen interkommunale politiske råd')).toBe(`Follo${shy}regionen`);
  });

  it('lets a long "…regionen" break before "regionen", and keeps a short name as it is', () => {
    expect(shortRegionName('Ringeriksregionen interkommunale politiske råd')).toBe(`Ringeriks${shy}regionen`);
    expect(shortRegionName('Drammensregionen')).toBe(`Drammens${shy}regionen`);
    expect(shortRegionName('Haldenregionen')).toBe(`Halden${shy}regionen`);
    expect(shortRegionName('Moss')).toBe('Moss');
  });

  it('keeps a name that is nothing but such words', () => {
    expect(shortRegionName('Regionråd')).toBe('Regionråd');
  });
});
