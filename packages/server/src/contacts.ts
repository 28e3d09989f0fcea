// Work in progress (issue 9): the contact bank's handlers replace these within the session.
import type { Handlers } from './context.js';
import { problems } from './problems.js';

type ContactIds =
  | 'createContact' | 'confirmContact' | 'getMyContact' | 'updateMyContact' | 'deleteMyContact' | 'getInvitation' | 'answerInvitation'
  | 'unsubscribeContact' | 'searchContacts' | 'exportContacts' | 'getContactReach' | 'createActivity' | 'listActivities' | 'getActivity'
  | 'createInvitations';

const notYet = async (): Promise<never> => {
  throw problems.notFound('This server has no contact bank yet.');
};

export const contactHandlers = Object.fromEntries(
  (['createContact', 'confirmContact', 'getMyContact', 'updateMyContact', 'deleteMyContact', 'getInvitation', 'answerInvitation', 'unsubscribeContact', 'searchContacts', 'exportContacts', 'getContactReach', 'createActivity', 'listActivities', 'getActivity', 'createInvitations'] as const).map((id) => [id, notYet]),
) as unknown as Pick<Handlers, ContactIds>;
