/**
 * Contacts the site may publish: addresses and numbers of organisations that
 * victims are sent to (police complaint service, regulators, press services).
 * Anything else that looks like an e-mail address or a phone number in the
 * built site fails the personal-data check. Add an entry only with its source.
 */
export const PUBLIC_EMAILS: readonly string[] = [
  // Police (BEFTI, Préfecture de police de Paris): complaint address given to victims of data breaches.
  'plainte-befti@interieur.gouv.fr',
];

/** Phone numbers, digits only in national form (0XXXXXXXXX). */
export const PUBLIC_PHONES: readonly string[] = [];
