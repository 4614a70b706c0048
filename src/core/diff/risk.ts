import type { Risk } from "../../model/entities.js";
import { Covered, type DiffContext } from "./context.js";
import type { KindDiff } from "./project.js";
import type { Detail, Direction } from "./types.js";
import { num, str, type Value } from "./values.js";
import { isHighOpenThreat, riskBand, riskScore as score, type Scored, type Settings } from "../domain/index.js";

/** A risk value's probability and impact, when both are numbers (a diff also reads invalid documents). */
function scored(value: Value): Scored | undefined {
  const probability = num(value["probability"]);
  const impact = num(value["impact"]);
  return probability === undefined || impact === undefined ? undefined : { probability, impact };
}

/** `4 x 5 = 20 (critical)`: the domain's score and band. */
export function scoreText(value: Value, settings: Settings): string | undefined {
  const risk = scored(value);
  if (risk === undefined) return undefined;
  return `${risk.probability} x ${risk.impact} = ${score(risk)} (${riskBand(risk, settings)})`;
}

export function riskScore(value: Value): number | undefined {
  const risk = scored(value);
  return risk === undefined ? undefined : score(risk);
}

/** A threat whose score is in the high or critical band and that is still open (the domain's isHighOpenThreat). */
export function isHighThreat(value: Value | undefined, settings: Settings): boolean {
  const risk = value === undefined ? undefined : scored(value);
  if (value === undefined || risk === undefined) return false;
  const type = str(value["type"]);
  return isHighOpenThreat(
    {
      ...risk,
      status: str(value["status"]) as Risk["status"],
      ...(type !== undefined && { type: type as Risk["type"] }),
    },
    settings,
  );
}

/**
 * Risks: re-scored (probability x impact before and after, with the band; worse for a threat
 * when the score grows, better for an opportunity), closed, occurred, re-opened, new owner.
 */
export function diffRisk(before: Value, after: Value, ctx: DiffContext): KindDiff {
  const covered = new Covered();
  const details: Detail[] = [];
  let direction: Direction | undefined;
  covered.add("probability", "impact", "status", "owner");
  const a = riskScore(before);
  const b = riskScore(after);
  if (num(before["probability"]) !== num(after["probability"]) || num(before["impact"]) !== num(after["impact"])) {
    const opportunity = str(after["type"]) === "opportunity";
    if (a !== undefined && b !== undefined && a !== b) direction = b > a !== opportunity ? "worsened" : "improved";
    details.push({
      type: "risk-score",
      field: "probability",
      ...(a !== undefined ? { scoreFrom: a } : {}),
      ...(b !== undefined ? { scoreTo: b } : {}),
      ...(direction ? { direction } : {}),
      text: `re-scored ${scoreText(before, ctx.base) ?? "(unscored)"} -> ${scoreText(after, ctx.head) ?? "(unscored)"}${direction ? ` (${direction})` : ""}`,
    });
  }
  const from = str(before["status"]);
  const to = str(after["status"]);
  if (from !== to) {
    const words: Record<string, string> = { closed: "closed", occurred: "occurred (now an issue)", open: "re-opened" };
    const dir = to === "occurred" ? "worsened" : undefined;
    details.push({
      type: "risk-status",
      field: "status",
      from,
      to,
      ...(dir ? { direction: dir } : {}),
      text: `${words[to ?? ""] ?? `status ${from} -> ${to}`}${to === "closed" && str(after["closed"]) ? ` on ${str(after["closed"])}` : ""}`,
    });
    if (to === "closed") covered.add("closed");
  }
  const oa = str(before["owner"]);
  const ob = str(after["owner"]);
  if (oa !== ob)
    details.push({
      type: "owner",
      field: "owner",
      from: oa,
      to: ob,
      text: `owner ${oa ?? "(none)"} -> ${ob ?? "(none)"}`,
    });
  return { details, direction, covered };
}

/** What a new risk is: its score, band and owner. */
export function describeNewRisk(value: Value, ctx: DiffContext): Detail[] {
  const details: Detail[] = [];
  const score = scoreText(value, ctx.head);
  const type = str(value["type"]) ?? "threat";
  if (score)
    details.push({
      type: "risk-score",
      field: "probability",
      scoreTo: riskScore(value),
      text: `${type} scored ${score}`,
    });
  if (str(value["owner"]))
    details.push({ type: "owner", field: "owner", to: value["owner"], text: `owner ${str(value["owner"])}` });
  return details;
}
