import { css } from 'lit';

/**
 * Declarations that hide text on screen but keep it in the accessibility tree; use inside a rule:
 * css`.label { ${visuallyHidden} }`.
 */
export const visuallyHidden = css`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`;
