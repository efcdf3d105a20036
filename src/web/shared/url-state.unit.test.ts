import { describe, expect, it } from 'vitest';
import { changeAddress, withChanges } from './url-state';
import { nextSort, readSort, sortRows } from './use-sort';

describe('withChanges', () => {
  it('sets, trims and removes parameters and keeps the others', () => {
    const next = withChanges('?q=halden&status=sent&sort=name', { status: 'failed', q: '  ', to: ' kari@ ' });
    expect(next.toString()).toBe('status=failed&sort=name&to=kari%40');
    expect(withChanges(new URLSearchParams('a=1'), { a: null, b: undefined }).toString()).toBe('');
  });
});

describe('changeAddress', () => {
  it('keeps both of two quick changes made before the page renders again', () => {
    // The address the router writes at once, and the parameters of the last render, which lag behind.
    let address = '?sort=name';
    const rendered = new URLSearchParams(address);
    const change = changeAddress(
      () => address,
      (next) => {
        address = `?${next}`;
      },
    );
    change({ status: 'failed' });
    change({ to: 'hallingdal' });
    expect(new URLSearchParams(address).get('status')).toBe('failed');
    expect(new URLSearchParams(address).get('to')).toBe('hallingdal');
    expect(new URLSearchParams(address).get('sort')).toBe('name');
    // What building on the last render would have given: the first change lost.
    expect(withChanges(rendered, { to: 'hallingdal' }).has('status')).toBe(false);
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
