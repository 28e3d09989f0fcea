// The kit's render parts: plain functions returning lit templates, styled by `kitStyles`.
export { clampLevel, heading } from './heading.js';
export { errorSummary } from './error-summary.js';
export { describedByAttr, errorId, errorMessage, field, hintId } from './field.js';
export { radioGroup } from './radio-group.js';
export { checkboxGroup } from './checkbox-group.js';
export { rating } from './rating.js';
export { charCount } from './char-count.js';
export { notice, type NoticeTone } from './notice.js';
export { setupNotice } from './setup-notice.js';
export { progress, progressStyles } from './progress.js';
export { copyAndTell, copyReceipt, receiptCode, receiptLength, spellReceipt } from './receipt.js';
export { kitStyles } from './parts.styles.js';
