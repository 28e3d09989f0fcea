// The events <cocreate-feedback> dispatches, with their details (the public API, typed in
// GlobalEventHandlersEventMap), from what its flow reports.
import type { FeedbackFlowEvent } from '../stores/feedback.js';

/** Detail of `cocreate-submitted`. */
export interface CocreateSubmittedDetail {
  /** The receipt code the resident keeps to follow their input. */
  receipt: string;
  /** The input's id. */
  id: string;
  /** True when the input was first kept on the device and delivered later. */
  queued: boolean;
}

/** Detail of `cocreate-queued`. */
export interface CocreateQueuedDetail {
  /** The outbox key (also the Idempotency-Key) the input is kept under. */
  key: string;
}

/** Detail of `cocreate-erased`. */
export interface CocreateErasedDetail {
  /** The receipt code of the input whose text (and reply address) its author just erased. */
  receipt: string;
}

/** Detail of `cocreate-error`. */
export interface CocreateErrorDetail {
  /** HTTP status, when the server answered. */
  status?: number;
  /** RFC 9457 problem `type`, when the server answered with one. */
  problemType?: string;
  /** Technical description for logs; not shown to residents. */
  message: string;
}

/** Dispatches the page-facing event for what the flow reported: bubbling and composed. */
export function dispatchFlowEvent(host: HTMLElement, event: FeedbackFlowEvent): void {
  let detail: CocreateSubmittedDetail | CocreateQueuedDetail | CocreateErasedDetail | CocreateErrorDetail;
  if (event.type === 'submitted') detail = { receipt: event.result.receipt, id: event.result.id, queued: event.queued };
  else if (event.type === 'queued') detail = { key: event.key };
  else if (event.type === 'erased') detail = { receipt: event.result.receipt };
  else {
    detail = { message: event.message };
    if (event.status !== undefined) detail.status = event.status;
    if (event.problemType !== undefined) detail.problemType = event.problemType;
  }
  host.dispatchEvent(new CustomEvent(`cocreate-${event.type}`, { bubbles: true, composed: true, detail }));
}
