import { sql } from 'drizzle-orm';
import { Locale } from '../../shared/contracts/common.js';
import type { Db } from '../db/client.js';
import { queueMail } from '../mail/queue-mail.js';
import { loginLimits } from './login-limits.js';
import { loginAlerts } from './session.table.js';

type Owner = { id: string; email: string; name: string; locale: string };
type Mail = { subject: string; text: string };

/**
 * Tells an account's owner by e-mail that its password is being guessed from browsers it has not signed in
 * with: once per window (`login_alerts` keeps when), however many failures follow. The note and its
 * message are written in one transaction, so of several failures at once only one queues it.
 */
export async function alertOwner(db: Db, owner: Owner, failures: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [due] = await tx
      .insert(loginAlerts)
      .values({ userId: owner.id, sentAt: sql`now()` })
      .onConflictDoUpdate({
        target: loginAlerts.userId,
        set: { sentAt: sql`now()` },
        setWhere: sql`${loginAlerts.sentAt} <= now() - make_interval(mins => ${loginLimits.windowMinutes})`,
      })
      .returning({ userId: loginAlerts.userId });
    if (!due) return false;
    const locale = Locale.safeParse(owner.locale).data ?? 'nb';
    await queueMail(tx, {
      to: owner.email,
      ...signInAlertMail(locale, { name: owner.name, failures, minutes: loginLimits.windowMinutes }),
      related: { type: 'user', id: owner.id },
    });
    return true;
  });
}

/** The message, in the owner's language. Plain text, and nothing in it that helps the one guessing. */
export function signInAlertMail(
  locale: Locale,
  f: { name: string; failures: number; minutes: number },
): Mail {
  if (locale === 'nn') {
    return {
      subject: 'Nokon prøver å logge inn på brukaren din i Partnerskap',
      text: [
        `Hei ${f.name},`,
        '',
        `Det har vore ${f.failures} mislukka forsøk på å logge inn på brukaren din dei siste ${f.minutes} minutta, frå nettlesarar du ikkje har logga inn med før.`,
        '',
        'Du kan framleis logge inn som vanleg frå ein nettlesar du har brukt før. Frå andre må ein vente litt lenger for kvart nytt mislukka forsøk.',
        '',
        `Var det ikkje deg, kontakt koordinatoren i fylkeskommunen. Du får ikkje ei ny slik melding før det har gått minst ${f.minutes} minutt.`,
        '',
        'Denne meldinga er send automatisk frå Partnerskap.',
      ].join('\n'),
    };
  }
  if (locale === 'en') {
    return {
      subject: 'Someone is trying to sign in to your Partnerskap account',
      text: [
        `Hello ${f.name},`,
        '',
        `There have been ${f.failures} failed attempts to sign in to your account in the last ${f.minutes} minutes, from browsers you have not signed in with before.`,
        '',
        'You can still sign in as usual from a browser you have used before. From other browsers, each further failed attempt makes the next one wait longer.',
        '',
        `If it was not you, contact the coordinator at the county. You will not get another message like this for at least ${f.minutes} minutes.`,
        '',
        'This message was sent automatically by Partnerskap.',
      ].join('\n'),
    };
  }
  return {
    subject: 'Noen prøver å logge inn på brukeren din i Partnerskap',
    text: [
      `Hei ${f.name},`,
      '',
      `Det har vært ${f.failures} mislykkede forsøk på å logge inn på brukeren din de siste ${f.minutes} minuttene, fra nettlesere du ikke har logget inn med før.`,
      '',
      'Du kan fortsatt logge inn som vanlig fra en nettleser du har brukt før. Fra andre må man vente litt lenger for hvert nytt mislykket forsøk.',
      '',
      `Var det ikke deg, kontakt koordinatoren i fylkeskommunen. Du får ikke en ny slik melding før det har gått minst ${f.minutes} minutter.`,
      '',
      'Denne meldingen er sendt automatisk fra Partnerskap.',
    ].join('\n'),
  };
}
