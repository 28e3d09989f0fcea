// The console's assisted entry: staff record what a resident said by phone, in person, on paper,
// by email or in outreach, and input seen in public (a petition, a post, with its source link),
// with the public <cocreate-feedback> form in its staff mode (the session's token set as a
// property, never an attribute). The inbox is read again after each record.
import { msg } from '@lit/localize';
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { heading } from '../kit/parts/index.js';
import type { StaffAccess } from '../stores/staff-access.js';

export class RecordView implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly access: StaffAccess,
    /** `locale`: the console's language, which the form (and the input it records) takes: the console's picker governs it. */
    private readonly scope: { api(): string | undefined; council(): string | undefined; locale(): string; recorded(): void },
  ) {
    host.addController(this);
  }

  hostUpdate(): void {}

  show(): void {
    // The form's code, on demand: a console that never records input never loads it.
    void import('../cocreate-feedback/cocreate-feedback.js');
    // Its staff part too (the channels and the source link), which the form would import itself once it has the token.
    void import('./staff-entry.js');
  }

  render(level: number): TemplateResult {
    return html`<section part="record" class="record-view" id="record" tabindex="-1" aria-labelledby="record-title">
      ${heading(level, msg('Record input', { id: 'console.record.title' }), { id: 'record-title' })}
      <p class="hint">${msg('What a resident told you by phone, in person, on paper, by email or at an outreach event. Give them the receipt code the form shows.', { id: 'console.record.intro' })}</p>
      <p class="hint">${msg('Input seen in public, such as a petition, a campaign or a post, is recorded here too, with the address where it can be seen.', { id: 'console.record.public' })}</p>
      <cocreate-feedback
        api=${this.scope.api() ?? ''}
        council=${this.scope.council() ?? ''}
        lang=${this.scope.locale()}
        heading-level=${level + 1}
        .staffToken=${this.access.staff()?.token}
        @cocreate-submitted=${() => this.scope.recorded()}
      ></cocreate-feedback>
    </section>`;
  }
}
