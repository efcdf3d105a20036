import { describe, expect, it } from 'vitest';
import { changedFields } from './audit-diff';

describe('changedFields', () => {
  it('shows only the fields whose value changed, not the bookkeeping', () => {
    expect(
      changedFields(
        { id: 'r1', name: 'Indre Østfold', writtenStandard: 'nb', version: 1 },
        { id: 'r1', name: 'Indre Østfold regionråd', writtenStandard: 'nb', version: 2 },
      ),
    ).toEqual([{ field: 'name', before: 'Indre Østfold', after: 'Indre Østfold regionråd' }]);
  });

  it('shows every field a creation set, and every field a deletion removed', () => {
    expect(changedFields(null, { name: 'Halden', number: '3101' })).toEqual([
      { field: 'name', before: null, after: 'Halden' },
      { field: 'number', before: null, after: '3101' },
    ]);
    expect(changedFields({ validFrom: '2020-01-01', validTo: null }, null)).toEqual([
      { field: 'validFrom', before: '2020-01-01', after: null },
    ]);
  });

  it('compares nested values by content and counts a field that appears or disappears', () => {
    expect(
      changedFields(
        { members: [{ id: 'm1' }], active: true },
        { members: [{ id: 'm1' }], active: false, departmentId: 'd1' },
      ),
    ).toEqual([
      { field: 'active', before: true, after: false },
      { field: 'departmentId', before: null, after: 'd1' },
    ]);
  });

  it('says nothing changed when nothing did', () => {
    expect(changedFields({ locale: 'nn' }, { locale: 'nn' })).toEqual([]);
    expect(changedFields(undefined, null)).toEqual([]);
  });

  it('shows a value that is not a record as one change', () => {
    expect(changedFields(null, ['a', 'b'])).toEqual([{ field: '', before: null, after: ['a', 'b'] }]);
  });
});
