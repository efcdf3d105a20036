import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { Cycle } from '../../shared/contracts/general-part';
import { api } from './api';

/** The query key of the cycle list; whoever creates or changes a cycle invalidates it. */
export const cyclesKey = ['cycles'] as const;

const storageKey = 'partnerskap.cycle';
const changedEvent = 'partnerskap:cycle-changed';

/** Every agreement cycle, newest first (a county has a handful, so the list is not paged). */
export function useCycles() {
  return useQuery({
    queryKey: cyclesKey,
    queryFn: () => api<{ items: Cycle[] }>('GET', '/api/v1/cycles'),
    select: (page) => page.items,
  });
}

/** The cycle a person works in unless they choose another: the newest active one, else the newest. */
export function defaultCycle(cycles: readonly Cycle[]): Cycle | undefined {
  return cycles.find((c) => c.status === 'active') ?? cycles[0];
}

/** Remembers the chosen cycle in this browser, and tells every screen that shows the current cycle. */
export function chooseCycle(id: string) {
  localStorage.setItem(storageKey, id);
  window.dispatchEvent(new Event(changedEvent));
}

function subscribe(onChange: () => void) {
  // `storage` carries a choice made in another tab, the custom event one made in this tab.
  window.addEventListener('storage', onChange);
  window.addEventListener(changedEvent, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(changedEvent, onChange);
  };
}

const readChosen = () => localStorage.getItem(storageKey);

/**
 * The current cycle, as the top bar shows it: the one chosen in this browser if it still exists, otherwise
 * the default. Every section that works within one cycle (general part, hearings, agreements) reads it here,
 * so they all follow the one choice in the top bar.
 */
export function useCurrentCycle() {
  const cycles = useCycles();
  const chosen = useSyncExternalStore(subscribe, readChosen, () => null);
  const list = cycles.data ?? [];
  const cycle = list.find((c) => c.id === chosen) ?? defaultCycle(list);
  return { cycles, cycle, choose: chooseCycle };
}
