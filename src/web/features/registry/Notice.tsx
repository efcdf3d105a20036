import { Alert } from '@digdir/designsystemet-react';
import { useLocation } from 'react-router';

/**
 * What a page that was just reached by saving says about it ("Aremark er opprettet."). The message travels
 * in the navigation's state, so it is not there again after a reload or a shared link.
 */
export function Notice({ text, fromNavigation = false }: { text?: string | null; fromNavigation?: boolean }) {
  const location = useLocation();
  const message = text ?? (fromNavigation ? noticeOf(location.state) : null);
  if (!message) return null;
  return (
    <Alert data-color="success" role="status">
      {message}
    </Alert>
  );
}

function noticeOf(state: unknown): string | null {
  if (state && typeof state === 'object' && 'notice' in state && typeof state.notice === 'string')
    return state.notice;
  return null;
}
