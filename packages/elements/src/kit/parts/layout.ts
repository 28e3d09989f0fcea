import { css } from 'lit';

// The layout <you-said-we-did> and <cocreate-console> share: a view's blocks one under another,
// and lists of cards or entries (`.stack`) without bullets. Not in kitStyles: the feedback form
// needs neither, and its page loads every byte of the kit's styles.
export const layoutStyles = css`
  .base,
  section,
  form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }

  .stack {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
`;
