/**
 * The few styles formatters use. The CLI decides whether colour is on (NO_COLOR, FORCE_COLOR,
 * TTY) and passes a palette in; formatters never look at the terminal themselves.
 */
export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

const identity = (s: string): string => s;

export const PLAIN: Palette = {
  red: identity,
  yellow: identity,
  blue: identity,
  green: identity,
  dim: identity,
  bold: identity,
  underline: identity,
};
