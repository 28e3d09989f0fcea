// How a form and its submission work together, the same for every form element: a refusal
// gives the resident's words back and shows the server's 422 on the fields it names, and each
// outcome is reported once, for the element's events.
import { PROBLEM_TYPES } from '@civicloop/contract/rules';
import type { Form } from './form.js';
import type { Refusal, Submission } from './submission.js';

export type Outcome<R> =
  | { type: 'sent'; result: R; later: boolean }
  | { type: 'queued'; key: string }
  | { type: 'failed'; status: number | undefined; problemType: string | undefined; message: string };

export function composeForm<V extends object, F extends string, R, B>(
  form: Form<V, F>,
  submission: Submission<R, B>,
  options: {
    /** The form values to give back from a body's words. */
    giveBack(words: B): Partial<V>;
    /** The error code of a field the server refused. */
    serverCode(field: F): string;
    /** Whether the resident can fix `field` (a value the page preset is a setup error instead). */
    fixable(field: F): boolean;
    onOutcome(outcome: Outcome<R>): void;
  },
): void {
  submission.$state.listen((s) => {
    if (s.state === 'sent') options.onOutcome({ type: 'sent', result: s.result, later: s.later });
    else if (s.state === 'queued') options.onOutcome({ type: 'queued', key: s.key });
    else if (s.state === 'error') options.onOutcome({ type: 'failed', status: undefined, problemType: undefined, message: s.message });
    if (s.state !== 'refused') return;
    const r: Refusal = s.refusal;
    options.onOutcome({ type: 'failed', status: r.status, problemType: r.problemType, message: r.message });
    // A kept input's draft was cleared when it was kept: its words come back to the form.
    if (s.later && s.body) form.giveBack(options.giveBack(s.body));
    const issues = r.status === 422 && r.problemType !== PROBLEM_TYPES.spam ? (r.issues ?? []) : [];
    if (form.serverErrors(issues, options.serverCode, options.fixable).shown) submission.again();
  });
}
