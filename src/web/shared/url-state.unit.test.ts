import { describe, expect, it } from 'vitest';
import { addressChanger, withChanges } from './url-state';
import { nextSort, readSort, sortRows } from './use-sort';

describe('withChanges', () => {
  it('sets, trims and removes parameters and keeps the others', () => {
    const next = withChanges('?q=halden&status=sent&sort=name', { status: 'failed', q: '  ', to: ' kari@ ' });
    expect(next.toString()).toBe('status=failed&sort=name&to=kari%40');
    expect(withChanges(new URLSearchParams('a=1'), { a: null, b: undefined }).toString()).toBe('');
  });
});

describe('addressChanger', () => {
  it('keeps both of two changes made before the router has written the address', () => {
    // A router that writes the address only after its loaders; the last render lags further behind.
    const address = '?sort=name';
    const writes: string[] = [];
    const { change, current } = addressChanger(() => address);
    change({ status: 'failed' }, (next) => writes.push(next.toString()));
    change({ to: 'hallingdal' }, (next) => writes.push(next.toString()));
    expect(writes.at(-1)).toBe('sort=name&status=failed&to=hallingdal');
    expect(current().get('status')).toBe('failed');
    // What building on the last render gives instead: the first change lost.
    expect(withChanges(address, { to: 'hallingdal' }).has('status')).toBe(false);
  });

  it('reads the address again in the next turn, so going back in between is not undone', async () => {
    let address = '?status=failed';
    const writes: string[] = [];
    const { change } = addressChanger(() => address);
    change({ to: 'hallingdal' }, (next) => writes.push(next.toString()));
    await new Promise((resolve) => setTimeout(resolve, 0));
    address = '?status=sent';
    change({ to: 'indre' }, (next) => writes.push(next.toString()));
    expect(writes).toEqual(['status=failed&to=hallingdal', 'status=sent&to=indre']);
  });
});

describe('sorting', () => {
  const keys = ['name', 'count'] as const;

  it('reads the column and direction from the address, and falls back on an unknown column', () => {
    expect(readSort(new URLSearchParams('sort=count&dir=desc'), keys, 'name')).toEqual({
      key: 'count',
      dir: 'desc',
    });
    expect(readSort(new URLSearchParams('sort=password&dir=sideways'), keys, 'name')).toEqual({
      key: 'name',
      dir: 'asc',
    });
  });

  it('turns the sorted column around and starts another ascending', () => {
    expect(nextSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ sort: 'name', dir: 'desc' });
    expect(nextSort({ key: 'name', dir: 'desc' }, 'name')).toEqual({ sort: 'name', dir: 'asc' });
    expect(nextSort({ key: 'name', dir: 'desc' }, 'count')).toEqual({ sort: 'count', dir: 'asc' });
  });

  it('sorts text the Norwegian way and numbers by value, in either direction', () => {
    const rows = [
      { name: 'Ås', count: 10 },
      { name: 'aremark', count: 9 },
      { name: 'Øvre Eiker', count: 100 },
      { name: 'Bø', count: 1 },
    ];
    const byName = sortRows(rows, 'name', 'asc', (r, k: 'name' | 'count') => r[k]);
    expect(byName.map((r) => r.name)).toEqual(['aremark', 'Bø', 'Øvre Eiker', 'Ås']);
    const byCount = sortRows(rows, 'count', 'desc', (r, k: 'name' | 'count') => r[k]);
    expect(byCount.map((r) => r.count)).toEqual([100, 10, 9, 1]);
    expect(sortRows(['Fylke 10', 'Fylke 9'], 'x', 'asc', (r) => r)).toEqual(['Fylke 9', 'Fylke 10']);
    // The rows given keep their own order.
    expect(rows[0]?.name).toBe('Ås');
  });
});
