import type { LocalizedText, ServiceCategory } from '@civicloop/contract';
import { createCouncil, loadCouncil } from './councils.js';
import type { Database } from './db/driver.js';
import { DEMO_CONTACT_BANK, seedContacts } from './seed-contacts.js';
import { seedLoop } from './seed-loop.js';
import { createService } from './services.js';

/** "What happens with your input" of the demo council, in every locale. */
const DEMO_INPUT_USE: LocalizedText = {
  en: 'A member of staff reads every input within five working days. We group similar inputs into themes and publish what we did about them. We never publish your words with your name.',
  pl: 'Pracownik urzędu czyta każdą opinię w ciągu pięciu dni roboczych. Podobne opinie łączymy w tematy i publikujemy, co z nimi zrobiliśmy. Nigdy nie publikujemy Twoich słów z Twoim nazwiskiem.',
  sv: 'En medarbetare läser varje synpunkt inom fem arbetsdagar. Vi samlar liknande synpunkter i teman och berättar vad vi gjorde. Vi publicerar aldrig dina ord med ditt namn.',
  da: 'En medarbejder læser alle input inden for fem arbejdsdage. Vi samler lignende input i temaer og fortæller, hvad vi gjorde. Vi offentliggør aldrig dine ord med dit navn.',
  de: 'Eine Mitarbeiterin oder ein Mitarbeiter liest jede Rückmeldung innerhalb von fünf Arbeitstagen. Ähnliche Rückmeldungen fassen wir zu Themen zusammen und veröffentlichen, was wir daraus gemacht haben. Ihre Worte veröffentlichen wir nie mit Ihrem Namen.',
  fr: 'Un agent lit chaque contribution dans les cinq jours ouvrés. Nous regroupons les contributions semblables en thèmes et publions ce que nous en avons fait. Nous ne publions jamais vos mots avec votre nom.',
  pt: 'Um funcionário lê cada contributo no prazo de cinco dias úteis. Agrupamos contributos semelhantes em temas e publicamos o que fizemos com eles. Nunca publicamos as suas palavras com o seu nome.',
  ro: 'Un angajat citește fiecare contribuție în cel mult cinci zile lucrătoare. Grupăm contribuțiile asemănătoare pe teme și publicăm ce am făcut cu ele. Nu publicăm niciodată cuvintele dumneavoastră împreună cu numele dumneavoastră.',
};

type ServiceSeed = { id: string; category: ServiceCategory; name: LocalizedText };

const DEMO_SERVICES: ServiceSeed[] = [
  { id: 'waste-collection', category: 'communal', name: { en: 'Waste collection', pl: 'Wywóz odpadów', sv: 'Sophämtning', da: 'Affaldsindsamling' } },
  { id: 'libraries', category: 'culture', name: { en: 'Libraries', pl: 'Biblioteki', sv: 'Bibliotek', da: 'Biblioteker' } },
  { id: 'primary-schools', category: 'education', name: { en: 'Primary schools', pl: 'Szkoły podstawowe', sv: 'Grundskolor', da: 'Folkeskoler' } },
  { id: 'health-centres', category: 'health', name: { en: 'Health centres', pl: 'Przychodnie', sv: 'Vårdcentraler', da: 'Sundhedshuse' } },
  { id: 'trams-and-buses', category: 'transport', name: { en: 'Trams and buses', pl: 'Tramwaje i autobusy', sv: 'Spårvagnar och bussar', da: 'Sporvogne og busser' } },
  { id: 'family-support', category: 'social', name: { en: 'Family support', pl: 'Wsparcie rodzin', sv: 'Familjestöd', da: 'Familiestøtte' } },
];

const RIVERSIDE_SERVICES: ServiceSeed[] = [
  { id: 'libraries', category: 'culture', name: { en: 'Libraries', sv: 'Bibliotek' } },
  { id: 'parks', category: 'communal', name: { en: 'Parks and green spaces', sv: 'Parker och grönområden' } },
  { id: 'youth-services', category: 'social', name: { en: 'Youth services', sv: 'Ungdomsverksamhet' } },
];

const NORDBY_SERVICES: ServiceSeed[] = [
  { id: 'bus-lines', category: 'transport', name: { da: 'Buslinjer', de: 'Buslinien', en: 'Bus lines' } },
  { id: 'daycare', category: 'education', name: { da: 'Dagtilbud', de: 'Kindertagesbetreuung', en: 'Daycare' } },
  { id: 'swimming-pool', category: 'culture', name: { da: 'Svømmehal', de: 'Schwimmbad', en: 'Swimming pool' } },
];

/** A person needs more than two seconds to choose a kind and write a sentence; proof of work stays optional. */
const DEMO_ANTI_ABUSE = { minFillMs: 2000, proofOfWork: { required: false, difficulty: 14 } };

/**
 * The made-up councils of the demo pages. Re-running it refreshes them and adds nothing twice.
 * `site` is where the demo pages are served (`serve` passes its own address): the seeded contacts'
 * page, which the links in their invitations lead to, when no origin is given.
 */
export async function seedDemo(db: Database, origins: string[] = [], site = 'http://localhost:8080'): Promise<void> {
  // Each council speaks its own languages; the input-use text is given in exactly those.
  const councils = [
    { slug: 'demo', name: 'Miasto Przykładowo', locales: ['pl', 'en', 'sv', 'da', 'de', 'fr', 'pt', 'ro'], services: DEMO_SERVICES },
    { slug: 'riverside', name: 'Riverside Borough Council', locales: ['en', 'sv'], services: RIVERSIDE_SERVICES },
    { slug: 'nordby', name: 'Nordby Kommune', locales: ['da', 'de'], services: NORDBY_SERVICES },
  ] as const;
  for (const { services, locales, ...council } of councils) {
    // Re-seeding refreshes the demo's texts but keeps origins an operator has added since.
    const kept = (await loadCouncil(db, council.slug))?.origins ?? [];
    await createCouncil(db, {
      ...council,
      origins: [...kept, ...origins],
      locales: [...locales],
      defaultLocale: locales[0],
      inputUse: Object.fromEntries(locales.map((l) => [l, DEMO_INPUT_USE[l]])),
      antiAbuse: DEMO_ANTI_ABUSE,
      // The demo council runs a contact bank, with made-up contacts so the reach view has a story.
      ...(council.slug === 'demo' ? { contactBank: DEMO_CONTACT_BANK } : {}),
    });
    for (const s of services) await createService(db, { council: council.slug, ...s });
    if (council.slug === 'demo') await seedContacts(db, 'demo', `${[...kept, ...origins][0] ?? site}/`);
  }
  // "You said, we did": themes in several states and languages, with their inputs and timelines.
  await seedLoop(db);
}
