// The contact bank's emails (issue 9), in every locale of the contract: confirmation, a known
// address signing up again, re-consent before expiry, and invitations. Each is sent as plain text
// with an HTML alternative; contact-mail.test.ts checks every locale has every key with the
// placeholders of English.
import { LOCALES, type ContactFormat, type Locale } from '@civicloop/contract';
import { placeholders } from './messages.js';

const EN = {
  confirmSubject: 'Confirm your entry in the contact bank of {council}',
  confirmIntro: 'You, or someone using your address, signed up to the contact bank of {council}: people who agree to be asked to help improve its services.',
  confirmAction: 'Confirm your entry: {link}',
  confirmIgnore: 'If it was not you, ignore this email. Nothing is kept: the unconfirmed entry is deleted within {days} days.',
  knownSubject: 'Your entry in the contact bank of {council}',
  knownIntro: 'Someone signed up to the contact bank of {council} with your address, which already has an entry. No second entry was made.',
  manageAction: 'See, change or withdraw your entry: {link}',
  reconsentSubject: 'Your consent to the contact bank of {council} ends on {date}',
  reconsentIntro: 'Your consent to be contacted by {council} ends on {date}. If you want to stay in the contact bank, renew it.',
  reconsentAction: 'Renew or change your consent: {link}',
  reconsentLapse: 'If you do nothing, your entry and your personal data are erased on {date}.',
  inviteSubject: '{council} invites you: {title}',
  inviteIntro: '{council} invites you to take part in this activity:',
  when: 'When',
  where: 'Where',
  online: 'Link',
  format: 'Format',
  inviteAnswer: 'Answer yes or no: {link}',
  inviteWhy: 'You receive this invitation because you agreed to be invited to activities by {council}. To stop invitations, change or withdraw your entry: {link}',
  footer: 'You can withdraw from the contact bank at any time; your personal data is then erased at once.',
  'format.workshop': 'workshop',
  'format.survey': 'survey',
  'format.interview': 'interview',
  'format.online-meeting': 'online meeting',
  'format.in-person': 'in person',
  'format.service-testing': 'testing a service',
  'format.advisory-group': 'advisory group',
};

export type ContactMessageKey = keyof typeof EN;

export const CONTACT_MESSAGES: { readonly [L in Locale]: { readonly [K in ContactMessageKey]: string } } = {
  en: EN,
  pl: {
    confirmSubject: 'Potwierdź swój wpis w bazie kontaktów: {council}',
    confirmIntro: 'Ty lub ktoś, kto użył Twojego adresu, zapisał się do bazy kontaktów, którą prowadzi {council} – osób, które zgadzają się, by pytać je o pomoc w ulepszaniu usług.',
    confirmAction: 'Potwierdź swój wpis: {link}',
    confirmIgnore: 'Jeśli to nie Ty, zignoruj tę wiadomość. Nic nie zostanie zachowane: niepotwierdzony wpis usuwamy w ciągu {days} dni.',
    knownSubject: 'Twój wpis w bazie kontaktów: {council}',
    knownIntro: 'Ktoś zapisał się z Twoim adresem do bazy kontaktów, którą prowadzi {council}, a ten adres ma już wpis. Drugi wpis nie powstał.',
    manageAction: 'Zobacz, zmień lub wycofaj swój wpis: {link}',
    reconsentSubject: 'Twoja zgoda na bazę kontaktów ({council}) wygasa {date}',
    reconsentIntro: 'Twoja zgoda na kontakt w ramach bazy kontaktów, którą prowadzi {council}, wygasa {date}. Jeśli chcesz w niej pozostać, odnów ją.',
    reconsentAction: 'Odnów lub zmień swoją zgodę: {link}',
    reconsentLapse: 'Jeśli nic nie zrobisz, Twój wpis i Twoje dane osobowe zostaną usunięte {date}.',
    inviteSubject: '{council} zaprasza: {title}',
    inviteIntro: '{council} zaprasza Cię do udziału w tym wydarzeniu:',
    when: 'Kiedy',
    where: 'Gdzie',
    online: 'Link',
    format: 'Forma',
    inviteAnswer: 'Odpowiedz tak lub nie: {link}',
    inviteWhy: 'Otrzymujesz to zaproszenie, ponieważ zgodziłeś/zgodziłaś się na zaproszenia z bazy kontaktów, którą prowadzi {council}. Aby zrezygnować z zaproszeń, zmienić lub wycofać wpis: {link}',
    footer: 'W każdej chwili możesz wycofać się z bazy kontaktów; Twoje dane osobowe zostaną wtedy natychmiast usunięte.',
    'format.workshop': 'warsztat',
    'format.survey': 'ankieta',
    'format.interview': 'wywiad',
    'format.online-meeting': 'spotkanie online',
    'format.in-person': 'spotkanie na miejscu',
    'format.service-testing': 'testowanie usługi',
    'format.advisory-group': 'grupa doradcza',
  },
  sv: {
    confirmSubject: 'Bekräfta din anmälan till kontaktbanken hos {council}',
    confirmIntro: 'Du, eller någon som använde din adress, anmälde sig till kontaktbanken hos {council}: personer som går med på att tillfrågas om att hjälpa till att förbättra tjänsterna.',
    confirmAction: 'Bekräfta din anmälan: {link}',
    confirmIgnore: 'Om det inte var du kan du bortse från mejlet. Inget sparas: den obekräftade anmälan raderas inom {days} dagar.',
    knownSubject: 'Din anmälan i kontaktbanken hos {council}',
    knownIntro: 'Någon anmälde sig till kontaktbanken hos {council} med din adress, som redan finns där. Ingen ny anmälan skapades.',
    manageAction: 'Se, ändra eller återkalla din anmälan: {link}',
    reconsentSubject: 'Ditt samtycke till kontaktbanken hos {council} upphör {date}',
    reconsentIntro: 'Ditt samtycke till att kontaktas av {council} upphör {date}. Förnya det om du vill vara kvar i kontaktbanken.',
    reconsentAction: 'Förnya eller ändra ditt samtycke: {link}',
    reconsentLapse: 'Om du inte gör något raderas din anmälan och dina personuppgifter {date}.',
    inviteSubject: '{council} bjuder in dig: {title}',
    inviteIntro: '{council} bjuder in dig att delta i den här aktiviteten:',
    when: 'När',
    where: 'Var',
    online: 'Länk',
    format: 'Form',
    inviteAnswer: 'Svara ja eller nej: {link}',
    inviteWhy: 'Du får den här inbjudan eftersom du har gått med på att bjudas in till aktiviteter av {council}. För att slippa inbjudningar, ändra eller återkalla din anmälan: {link}',
    footer: 'Du kan när som helst lämna kontaktbanken; dina personuppgifter raderas då direkt.',
    'format.workshop': 'workshop',
    'format.survey': 'enkät',
    'format.interview': 'intervju',
    'format.online-meeting': 'digitalt möte',
    'format.in-person': 'fysiskt möte',
    'format.service-testing': 'testa en tjänst',
    'format.advisory-group': 'referensgrupp',
  },
  da: {
    confirmSubject: 'Bekræft din tilmelding til kontaktbanken hos {council}',
    confirmIntro: 'Du, eller en anden med din adresse, tilmeldte sig kontaktbanken hos {council}: borgere, der gerne vil spørges om at hjælpe med at forbedre kommunens tilbud.',
    confirmAction: 'Bekræft din tilmelding: {link}',
    confirmIgnore: 'Hvis det ikke var dig, kan du se bort fra denne e-mail. Intet gemmes: den ubekræftede tilmelding slettes inden for {days} dage.',
    knownSubject: 'Din tilmelding i kontaktbanken hos {council}',
    knownIntro: 'Nogen tilmeldte sig kontaktbanken hos {council} med din adresse, som allerede er tilmeldt. Der blev ikke oprettet en tilmelding mere.',
    manageAction: 'Se, ret eller træk din tilmelding tilbage: {link}',
    reconsentSubject: 'Dit samtykke til kontaktbanken hos {council} udløber den {date}',
    reconsentIntro: 'Dit samtykke til at blive kontaktet af {council} udløber den {date}. Forny det, hvis du vil blive i kontaktbanken.',
    reconsentAction: 'Forny eller ret dit samtykke: {link}',
    reconsentLapse: 'Hvis du ikke gør noget, slettes din tilmelding og dine personoplysninger den {date}.',
    inviteSubject: '{council} inviterer dig: {title}',
    inviteIntro: '{council} inviterer dig til at deltage i denne aktivitet:',
    when: 'Hvornår',
    where: 'Hvor',
    online: 'Link',
    format: 'Form',
    inviteAnswer: 'Svar ja eller nej: {link}',
    inviteWhy: 'Du får denne invitation, fordi du har sagt ja til at blive inviteret til aktiviteter af {council}. For at undgå invitationer, rette eller trække din tilmelding tilbage: {link}',
    footer: 'Du kan til enhver tid forlade kontaktbanken; dine personoplysninger slettes da straks.',
    'format.workshop': 'workshop',
    'format.survey': 'spørgeskema',
    'format.interview': 'interview',
    'format.online-meeting': 'onlinemøde',
    'format.in-person': 'fysisk møde',
    'format.service-testing': 'afprøvning af et tilbud',
    'format.advisory-group': 'følgegruppe',
  },
  de: {
    confirmSubject: 'Bestätigen Sie Ihren Eintrag im Kontaktpool von {council}',
    confirmIntro: 'Sie oder jemand mit Ihrer Adresse hat sich im Kontaktpool von {council} eingetragen: Menschen, die gefragt werden möchten, wenn es um die Verbesserung von Angeboten geht.',
    confirmAction: 'Eintrag bestätigen: {link}',
    confirmIgnore: 'Wenn Sie das nicht waren, ignorieren Sie diese E-Mail. Nichts wird aufbewahrt: Der unbestätigte Eintrag wird innerhalb von {days} Tagen gelöscht.',
    knownSubject: 'Ihr Eintrag im Kontaktpool von {council}',
    knownIntro: 'Jemand hat sich mit Ihrer Adresse im Kontaktpool von {council} eingetragen, in dem sie bereits steht. Ein zweiter Eintrag wurde nicht angelegt.',
    manageAction: 'Eintrag ansehen, ändern oder zurückziehen: {link}',
    reconsentSubject: 'Ihre Einwilligung für den Kontaktpool von {council} endet am {date}',
    reconsentIntro: 'Ihre Einwilligung, von {council} kontaktiert zu werden, endet am {date}. Wenn Sie im Kontaktpool bleiben möchten, erneuern Sie sie.',
    reconsentAction: 'Einwilligung erneuern oder ändern: {link}',
    reconsentLapse: 'Wenn Sie nichts tun, werden Ihr Eintrag und Ihre personenbezogenen Daten am {date} gelöscht.',
    inviteSubject: '{council} lädt Sie ein: {title}',
    inviteIntro: '{council} lädt Sie ein, bei dieser Aktivität mitzumachen:',
    when: 'Wann',
    where: 'Wo',
    online: 'Link',
    format: 'Format',
    inviteAnswer: 'Mit Ja oder Nein antworten: {link}',
    inviteWhy: 'Sie erhalten diese Einladung, weil Sie eingewilligt haben, von {council} zu Aktivitäten eingeladen zu werden. Um keine Einladungen mehr zu erhalten, Ihren Eintrag zu ändern oder zurückzuziehen: {link}',
    footer: 'Sie können den Kontaktpool jederzeit verlassen; Ihre personenbezogenen Daten werden dann sofort gelöscht.',
    'format.workshop': 'Workshop',
    'format.survey': 'Umfrage',
    'format.interview': 'Interview',
    'format.online-meeting': 'Online-Treffen',
    'format.in-person': 'vor Ort',
    'format.service-testing': 'ein Angebot testen',
    'format.advisory-group': 'Beirat',
  },
  fr: {
    confirmSubject: 'Confirmez votre inscription au fichier de contacts de {council}',
    confirmIntro: 'Vous, ou quelqu’un utilisant votre adresse, vous êtes inscrit au fichier de contacts de {council} : des personnes qui acceptent d’être sollicitées pour améliorer ses services.',
    confirmAction: 'Confirmer votre inscription : {link}',
    confirmIgnore: 'Si ce n’était pas vous, ignorez ce courriel. Rien n’est conservé : l’inscription non confirmée est supprimée sous {days} jours.',
    knownSubject: 'Votre inscription au fichier de contacts de {council}',
    knownIntro: 'Quelqu’un s’est inscrit au fichier de contacts de {council} avec votre adresse, qui y figure déjà. Aucune seconde inscription n’a été créée.',
    manageAction: 'Voir, modifier ou retirer votre inscription : {link}',
    reconsentSubject: 'Votre consentement au fichier de contacts de {council} expire le {date}',
    reconsentIntro: 'Votre consentement à être contacté par {council} expire le {date}. Si vous souhaitez rester dans le fichier de contacts, renouvelez-le.',
    reconsentAction: 'Renouveler ou modifier votre consentement : {link}',
    reconsentLapse: 'Sans action de votre part, votre inscription et vos données personnelles seront effacées le {date}.',
    inviteSubject: '{council} vous invite : {title}',
    inviteIntro: '{council} vous invite à participer à cette activité :',
    when: 'Quand',
    where: 'Où',
    online: 'Lien',
    format: 'Format',
    inviteAnswer: 'Répondre oui ou non : {link}',
    inviteWhy: 'Vous recevez cette invitation parce que vous avez accepté d’être invité à des activités par {council}. Pour ne plus recevoir d’invitations, modifier ou retirer votre inscription : {link}',
    footer: 'Vous pouvez quitter le fichier de contacts à tout moment ; vos données personnelles sont alors effacées immédiatement.',
    'format.workshop': 'atelier',
    'format.survey': 'questionnaire',
    'format.interview': 'entretien',
    'format.online-meeting': 'réunion en ligne',
    'format.in-person': 'en présentiel',
    'format.service-testing': 'tester un service',
    'format.advisory-group': 'groupe consultatif',
  },
  pt: {
    confirmSubject: 'Confirme a sua inscrição na bolsa de contactos de {council}',
    confirmIntro: 'Você, ou alguém com o seu endereço, inscreveu-se na bolsa de contactos de {council}: pessoas que aceitam ser convidadas a ajudar a melhorar os serviços.',
    confirmAction: 'Confirme a sua inscrição: {link}',
    confirmIgnore: 'Se não foi você, ignore este e-mail. Nada é guardado: a inscrição não confirmada é apagada no prazo de {days} dias.',
    knownSubject: 'A sua inscrição na bolsa de contactos de {council}',
    knownIntro: 'Alguém se inscreveu na bolsa de contactos de {council} com o seu endereço, que já lá está. Não foi criada uma segunda inscrição.',
    manageAction: 'Ver, alterar ou retirar a sua inscrição: {link}',
    reconsentSubject: 'O seu consentimento para a bolsa de contactos de {council} termina a {date}',
    reconsentIntro: 'O seu consentimento para ser contactado por {council} termina a {date}. Se quiser continuar na bolsa de contactos, renove-o.',
    reconsentAction: 'Renovar ou alterar o seu consentimento: {link}',
    reconsentLapse: 'Se não fizer nada, a sua inscrição e os seus dados pessoais são apagados a {date}.',
    inviteSubject: '{council} convida-o: {title}',
    inviteIntro: '{council} convida-o a participar nesta atividade:',
    when: 'Quando',
    where: 'Onde',
    online: 'Ligação',
    format: 'Formato',
    inviteAnswer: 'Responda sim ou não: {link}',
    inviteWhy: 'Recebe este convite porque aceitou ser convidado para atividades de {council}. Para deixar de receber convites, alterar ou retirar a sua inscrição: {link}',
    footer: 'Pode sair da bolsa de contactos a qualquer momento; os seus dados pessoais são então apagados de imediato.',
    'format.workshop': 'oficina',
    'format.survey': 'inquérito',
    'format.interview': 'entrevista',
    'format.online-meeting': 'reunião online',
    'format.in-person': 'presencial',
    'format.service-testing': 'testar um serviço',
    'format.advisory-group': 'grupo consultivo',
  },
  ro: {
    confirmSubject: 'Confirmați înscrierea în baza de contacte a {council}',
    confirmIntro: 'Dumneavoastră sau cineva care a folosit adresa dumneavoastră v-ați înscris în baza de contacte a {council}: persoane care acceptă să fie întrebate pentru a ajuta la îmbunătățirea serviciilor.',
    confirmAction: 'Confirmați înscrierea: {link}',
    confirmIgnore: 'Dacă nu ați fost dumneavoastră, ignorați acest e-mail. Nu se păstrează nimic: înscrierea neconfirmată este ștearsă în cel mult {days} zile.',
    knownSubject: 'Înscrierea dumneavoastră în baza de contacte a {council}',
    knownIntro: 'Cineva s-a înscris în baza de contacte a {council} cu adresa dumneavoastră, care este deja înscrisă. Nu s-a creat o a doua înscriere.',
    manageAction: 'Vedeți, modificați sau retrageți înscrierea: {link}',
    reconsentSubject: 'Consimțământul pentru baza de contacte a {council} expiră pe {date}',
    reconsentIntro: 'Consimțământul dumneavoastră de a fi contactat de {council} expiră pe {date}. Dacă doriți să rămâneți în baza de contacte, reînnoiți-l.',
    reconsentAction: 'Reînnoiți sau modificați consimțământul: {link}',
    reconsentLapse: 'Dacă nu faceți nimic, înscrierea și datele dumneavoastră personale vor fi șterse pe {date}.',
    inviteSubject: '{council} vă invită: {title}',
    inviteIntro: '{council} vă invită să participați la această activitate:',
    when: 'Când',
    where: 'Unde',
    online: 'Link',
    format: 'Format',
    inviteAnswer: 'Răspundeți da sau nu: {link}',
    inviteWhy: 'Primiți această invitație pentru că ați acceptat să fiți invitat la activități de {council}. Pentru a nu mai primi invitații, a modifica sau a retrage înscrierea: {link}',
    footer: 'Vă puteți retrage oricând din baza de contacte; datele dumneavoastră personale sunt atunci șterse imediat.',
    'format.workshop': 'atelier',
    'format.survey': 'chestionar',
    'format.interview': 'interviu',
    'format.online-meeting': 'întâlnire online',
    'format.in-person': 'întâlnire față în față',
    'format.service-testing': 'testarea unui serviciu',
    'format.advisory-group': 'grup consultativ',
  },
};

export { placeholders };

type T = (key: ContactMessageKey, values?: Record<string, string>) => string;

function translator(locale: string | null, fallback: Locale): { t: T; locale: Locale } {
  const l: Locale = (LOCALES as readonly string[]).includes(locale ?? '') ? (locale as Locale) : fallback;
  return { locale: l, t: (key, values = {}) => CONTACT_MESSAGES[l][key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole) };
}

/** A mail as the mailer takes it, less the address. */
export interface ContactMail {
  subject: string;
  text: string;
  html: string;
  /** The main link (logged when mail goes to the outbox folder). */
  link: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The plain-text part (paragraphs separated by a blank line) and its HTML alternative, where
 * each link of `links` found in a paragraph becomes an anchor. Everything else is escaped text.
 */
function compose(lang: Locale, subject: string, paragraphs: string[], links: string[]): Omit<ContactMail, 'link'> {
  const text = paragraphs.join('\n\n') + '\n';
  // All links in one pass, longest first, so a link that starts another is never matched inside it.
  const safe = [...new Set(links)].map(escapeHtml).sort((a, b) => b.length - a.length);
  const anyLink = safe.length ? new RegExp(safe.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : undefined;
  const body = paragraphs
    .map((p) => {
      const html = escapeHtml(p);
      const linked = anyLink ? html.replace(anyLink, (l) => `<a href="${l}">${l}</a>`) : html;
      return `<p>${linked.replace(/\n/g, '<br>')}</p>`;
    })
    .join('\n');
  const html = `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>\n${body}\n</body></html>\n`;
  return { subject, text, html };
}

/** A link to the sign-up page with one fragment parameter (never the query: it is not sent to servers or logged). */
export function pageLink(pageUrl: string, name: 'token' | 'manage' | 'invitation' | 'via', value: string): string {
  const url = new URL(pageUrl);
  url.hash = `${name}=${value}`;
  return url.href;
}

/** A date (and time) in the reader's language; times are UTC and say so, as councils set no time zone yet. */
function formatDate(locale: Locale, at: Date, withTime = false): string {
  const options: Intl.DateTimeFormatOptions = withTime
    ? { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }
    : { dateStyle: 'long', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(at);
}

export function confirmMail(locale: string | null, fallback: Locale, council: string, link: string, days: number): ContactMail {
  const { t, locale: l } = translator(locale, fallback);
  const subject = t('confirmSubject', { council });
  return { ...compose(l, subject, [t('confirmIntro', { council }), t('confirmAction', { link }), t('confirmIgnore', { days: String(days) }), '--', t('footer')], [link]), link };
}

export function knownMail(locale: string | null, fallback: Locale, council: string, link: string): ContactMail {
  const { t, locale: l } = translator(locale, fallback);
  const subject = t('knownSubject', { council });
  return { ...compose(l, subject, [t('knownIntro', { council }), t('manageAction', { link }), '--', t('footer')], [link]), link };
}

export function reconsentMail(locale: string | null, fallback: Locale, council: string, link: string, expiresAt: Date): ContactMail {
  const { t, locale: l } = translator(locale, fallback);
  const date = formatDate(l, expiresAt);
  const subject = t('reconsentSubject', { council, date });
  return {
    ...compose(l, subject, [t('reconsentIntro', { council, date }), t('reconsentAction', { link }), t('reconsentLapse', { date }), '--', t('footer')], [link]),
    link,
  };
}

export interface InvitedActivity {
  title: string;
  format: ContactFormat;
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
  url: string | null;
  text: string;
}

export function invitationMail(locale: string | null, fallback: Locale, council: string, activity: InvitedActivity, answerLink: string, manageLink: string): ContactMail {
  const { t, locale: l } = translator(locale, fallback);
  const subject = t('inviteSubject', { council, title: activity.title });
  const when = formatDate(l, activity.startsAt, true) + (activity.endsAt ? ` – ${formatDate(l, activity.endsAt, true)}` : '');
  const details = [
    `${t('format')}: ${t(`format.${activity.format}`)}`,
    `${t('when')}: ${when}`,
    ...(activity.place ? [`${t('where')}: ${activity.place}`] : []),
    ...(activity.url ? [`${t('online')}: ${activity.url}`] : []),
  ].join('\n');
  return {
    ...compose(
      l,
      subject,
      [t('inviteIntro', { council }), activity.title, activity.text, details, t('inviteAnswer', { link: answerLink }), '--', t('inviteWhy', { council, link: manageLink }), t('footer')],
      [answerLink, manageLink, ...(activity.url ? [activity.url] : [])],
    ),
    link: answerLink,
  };
}
