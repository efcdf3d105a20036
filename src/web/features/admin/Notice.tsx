import { Alert } from '@digdir/designsystemet-react';
import { useLocation } from 'react-router';

/**
 * What a page reached by saving says about it ("Kari Nordmann er opprettet."). The message travels in the
 * navigation's state, so it is gone after a reload or on a shared link.
 */
export function Notice({ text }: { text?: string | null }) {
  const location = useLocation();
  const state: unknown = location.state;
  const fromNavigation =
    state && typeof state === 'object' && 'notice' in state && typeof state.notice === 'string'
      ? state.notice
      : null;
  const message = text ?? fromNavigation;
  if (!message) return null;
  return (
    <Alert data-color="success" role="status">
      {message}
    </Alert>
  );
}
