import type { MailOutcome } from '../../shared/contracts/mail.js';

/**
 * Whether this process's configuration sends e-mail: with a mail server (MAIL_URL) the outbox's messages
 * go out; without one the sender keeps them in the outbox unsent (`send-mail.ts`). The composition
 * (`main.ts` → `app.ts`) hands it to the routes whose writes queue e-mail, so their answers can say which.
 */
export type MailDelivery = { configured: boolean };

/** No mail server: what the tests and a fresh installation without MAIL_URL have. */
export const noMailServer: MailDelivery = { configured: false };

/**
 * What a write's freshly queued messages will become, for its answer: all of them wait for the mail server
 * when one is set up, and all are kept in the outbox when none is. None is sent yet when the answer goes.
 */
export function mailOutcome(queued: number, delivery: MailDelivery): MailOutcome {
  return delivery.configured ? { queued, kept: 0 } : { queued: 0, kept: queued };
}
