/**
 * No personal data ships: every text file of the built site is searched for a
 * social-security number with a valid key, an IBAN with a valid checksum, a
 * payment card number passing Luhn, and e-mail addresses and phone numbers
 * outside the allow-list of public contacts. Findings name the file and show
 * the value masked, so the report itself discloses nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { findPersonalData, maskForMessage, type PersonalDataKind } from '../pipeline/lib/personal-data.ts';
import { builtFiles } from './files.ts';
import { PUBLIC_EMAILS, PUBLIC_PHONES } from './public-contacts.ts';

export interface PersonalDataFinding {
  file: string;
  kind: PersonalDataKind;
  /** The value with all but its first and last characters hidden. */
  masked: string;
}

export interface PublicContacts {
  emails: readonly string[];
  phones: readonly string[];
}

const TEXT_FILES = ['.html', '.xml', '.json', '.txt', '.csv', '.js', '.mjs', '.css', '.svg', '.webmanifest', '.ics', '.md'];
const LABEL: Record<PersonalDataKind, string> = {
  nir: 'numéro de sécurité sociale (clé valide)',
  iban: 'IBAN (clé valide)',
  card: 'numéro de carte bancaire (Luhn valide)',
  email: 'adresse électronique hors liste des contacts publics',
  phone: 'numéro de téléphone hors liste des contacts publics',
};

/** National digits of a French phone number: +33 6…, 0033 (0)6… and 06… all give 06…. */
const nationalPhone = (phone: string) => `0${phone.replace(/\D/g, '').replace(/^(?:0033|33)0?|^0/, '')}`;

/** Findings in one text (HTML entities decoded first, so « &#64; » hides nothing). */
export function personalDataIn(text: string, contacts: PublicContacts = { emails: PUBLIC_EMAILS, phones: PUBLIC_PHONES }) {
  const emails = new Set(contacts.emails.map((e) => e.toLowerCase()));
  const phones = new Set(contacts.phones.map(nationalPhone));
  return findPersonalData(decodeHTML(text)).filter(
    (m) => !(m.kind === 'email' && emails.has(m.value.toLowerCase())) && !(m.kind === 'phone' && phones.has(nationalPhone(m.value))),
  );
}

export function checkPersonalData(dist: string, contacts?: PublicContacts): { files: number; findings: PersonalDataFinding[] } {
  const files = builtFiles(dist, TEXT_FILES);
  const findings: PersonalDataFinding[] = [];
  for (const file of files) {
    for (const m of personalDataIn(readFileSync(join(dist, file), 'utf8'), contacts)) findings.push({ file, kind: m.kind, masked: maskForMessage(m.value) });
  }
  return { files: files.length, findings };
}

export function formatFinding(f: PersonalDataFinding): string {
  return `${f.file} : ${LABEL[f.kind]} « ${f.masked} »`;
}

/** Prints the findings (or the count of files searched); true when there are none. */
export function reportPersonalData(dist: string): boolean {
  const { files, findings } = checkPersonalData(dist);
  if (!findings.length) {
    console.log(`Données personnelles : aucune dans ${files} fichiers du site construit.`);
    return true;
  }
  console.error(`Données personnelles dans le site construit (${findings.length}) : ne publiez pas ${dist}.`);
  for (const f of findings) console.error(`  ${formatFinding(f)}`);
  return false;
}
