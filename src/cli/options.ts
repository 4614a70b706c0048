import { type Command, InvalidArgumentError, Option } from "commander";

/** Options and argument parsers shared by command registrations. */

export const FAIL_SEVERITY_CHOICES = ["error", "warn", "info"] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function asOfOption(): Option {
  return new Option(
    "--as-of <date>",
    "the date for every time-dependent judgement, YYYY-MM-DD (default: today)",
  ).argParser(parseAsOf);
}

function parseAsOf(value: string): string {
  // A full calendar check needs date-fns; the shape check here keeps --help free of it.
  if (!ISO_DATE.test(value))
    throw new InvalidArgumentError(`expected a date as YYYY-MM-DD, e.g. 2026-11-30 (got "${value}")`);
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new InvalidArgumentError(`"${value}" is not a real calendar date`);
  }
  return value;
}

export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`expected a whole number (got "${value}")`);
  return Number(value);
}

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** The release from which the old option spellings kept by {@link deprecatedAlias} are gone. */
export const ALIASES_REMOVED_IN = "0.3";

/**
 * Keeps an old spelling of an option working, hidden from --help, with a deprecation notice on
 * stderr each time it is used: `spelling` ("-o" or "--out") stands for `canonical` ("--out-dir").
 * The value lands on the canonical option, so requiredOption and the action see it as usual.
 */
export function deprecatedAlias(
  command: Command,
  spelling: string,
  canonical: string,
  stderr: { write(s: string): unknown },
): Command {
  const target = command.options.find((o) => o.long === canonical);
  if (target === undefined) throw new Error(`${canonical} is not an option of ${command.name()}`);
  const argument = target.required ? " <value>" : target.optional ? " [value]" : "";
  const alias = new Option(`${spelling}${argument}`, `deprecated spelling of ${canonical}`).hideHelp();
  command.addOption(alias);
  command.on(`option:${alias.name()}`, (value: string | undefined) => {
    stderr.write(
      `warning: ${spelling} is deprecated and will be removed in pmo ${ALIASES_REMOVED_IN}; use ${canonical}\n`,
    );
    const parsed = argument === "" ? true : target.parseArg ? target.parseArg(value!, undefined) : value;
    command.setOptionValueWithSource(target.attributeName(), parsed, "cli");
  });
  return command;
}
