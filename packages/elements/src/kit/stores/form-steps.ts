// Steps for a form that has several (a form of one page does not import this): each step checks
// only its own fields, a "check your answers" step sends the resident back to the step that holds
// a field, sending checks every step and shows the first one not yet right, and a field the server
// refuses brings the resident back to its step. No DOM: it runs (and is tested) in node.
import { atom, type ReadableAtom } from 'nanostores';
import type { FieldIssue } from './form.js';

/** A step of a multi-step form; `review` marks "check your answers" (no fields of its own). */
export interface FormStep<F extends string> {
  id: string;
  fields: readonly F[];
  review?: boolean;
}

/** What the steps need of a form store (createForm's). */
export interface SteppedForm<F extends string> {
  readonly $errors: ReadableAtom<FieldIssue<F>[]>;
  attempt(fields?: readonly F[]): boolean;
  reset(keep?: object): void;
}

export function withSteps<F extends string>(form: SteppedForm<F>, steps: readonly FormStep<F>[]) {
  const $step = atom(0);
  const stepOf = (field: F) => steps.findIndex((s) => s.fields.includes(field));
  // The server's verdict on a field of another step brings the resident to the first such step.
  form.$errors.listen((errors) => {
    const at = steps.findIndex((s) => s.fields.some((f) => errors.some((e) => e.server && e.field === f)));
    if (at >= 0) $step.set(at);
  });
  // Checking no field shows no error: what leaving a step does.
  const clearErrors = () => form.attempt([]);

  const stepped = {
    /** Index of the current step. */
    $step: $step as ReadableAtom<number>,
    steps,

    /** Checks the current step (the whole form on "check your answers") and shows its errors. */
    attempt(): boolean {
      const step = steps[$step.get()];
      return form.attempt(step && !step.review ? step.fields : undefined);
    },

    /** The next step when the current one is right; true when it moved on. */
    next(): boolean {
      if (!stepped.attempt()) return false;
      if ($step.get() < steps.length - 1) $step.set($step.get() + 1);
      return true;
    },

    back(): void {
      clearErrors();
      $step.set(Math.max(0, $step.get() - 1));
    },

    /** From "check your answers" to the step that holds `field` ("Change" links). */
    goTo(field: F): void {
      const at = stepOf(field);
      if (at < 0) return;
      clearErrors();
      $step.set(at);
    },

    /** Whether the form shows "check your answers" now. */
    reviewing: () => Boolean(steps[$step.get()]?.review),

    /** Every step right: the form may be sent. Otherwise shows the first step that is not, with its errors. */
    complete(): boolean {
      for (const [i, step] of steps.entries()) {
        if (step.review || form.attempt(step.fields)) continue;
        $step.set(i);
        return false;
      }
      return form.attempt();
    },

    /** A new, empty form at its first step (after sending). */
    reset(keep?: object): void {
      form.reset(keep);
      $step.set(0);
    },
  };
  return stepped;
}
