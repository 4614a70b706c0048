import type { Row } from "./textbook.js";

/** Expected figures per activity, as printed: ES, EF, LS, LF, total float, free float. */
export type Figures = Record<string, [es: number, ef: number, ls: number, lf: number, tf: number, ff: number]>;

/** An activity-on-arrow arrow as a book prints it: name, tail event, head event, duration. */
export type Arrow = [name: string, tail: number, head: number, duration: number];

/** An activity as a successor table prints it: name, duration, the activities that follow it (finish-to-start). */
export type Successor = [name: string, duration: number, successors: string[]];

/**
 * Dates as a scheduling program prints them, `DDMMMYY` (`01MAR04`), with the day count of the
 * calendar: early start, early finish, late start, late finish (each the day the work starts, or
 * the last day it works), total float and free float in days.
 */
export interface PrintedDates {
  /** The project's first day, as printed (day 0). */
  start: string;
  /** Calendar days: every day is a working day. */
  days: "calendar";
  rows: Record<string, [eStart: string, eFinish: string, lStart: string, lFinish: string, tf: number, ff: number]>;
}

/**
 * A published worked example of the critical path method: the network as the publication
 * gives it and every figure it prints (or derives in print from its own event times), so that
 * the engine (cpm-textbook.test.ts) and the recipe of docs/schedule.md (recipe.test.ts) are held
 * to the same numbers.
 */
export interface PublishedNetwork {
  /** The project id the network gets when it is written as a pmo project (recipe step 1). */
  id: string;
  title: string;
  /** Where the network and each expected figure are printed. */
  source: string;
  /** Activity on node: id, duration, predecessors (`B`, `B(SS1)`, `C(FF3)`). */
  rows?: Row[];
  /** Activity on arrow: converted to rows by recipe step 4 (`rowsFromArrows`). */
  arrows?: Arrow[];
  /** A table of successors (id, duration, successors): converted to rows by recipe step 2 (`rowsFromSuccessors`). */
  successors?: Successor[];
  /**
   * Where the publication prints calendar dates rather than day numbers: its start date (day 0)
   * and, per activity, the dates as printed. `figures` are then derived from them by
   * `figuresFromDates`, and the recipe test also holds pmo's own dates to the printed ones.
   */
  dates?: PrintedDates;
  figures: Figures;
  /** The project duration as printed. */
  finish: number;
  /** Every critical path, each from its first activity to its last. */
  criticalPaths: string[][];
}

/**
 * Recipe step 4 of docs/schedule.md: an arrow's predecessors are the arrows (dummies included)
 * that end at its tail event.
 */
export function rowsFromArrows(arrows: readonly Arrow[]): Row[] {
  return arrows.map(([name, tail, , duration]) => [
    name,
    duration,
    arrows
      .filter(([, , head]) => head === tail)
      .map(([pred]) => pred)
      .join(", "),
  ]);
}

/**
 * Recipe step 2 for a table of successors: an activity's predecessors are the activities that
 * list it as a successor, in the table's order.
 */
export function rowsFromSuccessors(table: readonly Successor[]): Row[] {
  return table.map(([name, duration]) => [
    name,
    duration,
    table
      .filter(([, , successors]) => successors.includes(name))
      .map(([pred]) => pred)
      .join(", "),
  ]);
}

/** The activity table of a published network, whichever way the publication draws it. */
export function rowsOf(network: PublishedNetwork): Row[] {
  if (network.rows) return network.rows;
  if (network.arrows) return rowsFromArrows(network.arrows);
  if (network.successors) return rowsFromSuccessors(network.successors);
  throw new Error(`${network.id} has neither rows, arrows nor successors`);
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/** `01MAR04` as an ISO date, `2004-03-01` (two-digit years are 20xx). */
export function isoDate(printed: string): string {
  const m = /^(\d\d)([A-Z]{3})(\d\d)$/.exec(printed);
  if (!m || !MONTHS.includes(m[2]!)) throw new Error(`not a DDMMMYY date: ${printed}`);
  return `20${m[3]}-${String(MONTHS.indexOf(m[2]!) + 1).padStart(2, "0")}-${m[1]}`;
}

const dayNumber = (iso: string): number =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/**
 * Printed calendar dates as day numbers from the start (the convention of every other entry:
 * ES = 0 on the first day, EF = ES + duration): a start date is day `date - start`; a finish
 * date is the last day of work, so the finish point is the day after it, `date - start + 1`.
 */
export function figuresFromDates(dates: PrintedDates): Figures {
  const start = dayNumber(isoDate(dates.start));
  const day = (printed: string): number => dayNumber(isoDate(printed)) - start;
  const out: Figures = {};
  for (const [name, [es, ef, ls, lf, tf, ff]] of Object.entries(dates.rows))
    out[name] = [day(es), day(ef) + 1, day(ls), day(lf) + 1, tf, ff];
  return out;
}

/**
 * SAS Institute, SAS/OR User's Guide: Project Management, the software development project of
 * the CPM procedure's "Getting Started" section, whose OUT= schedule (data set INTRO1) the
 * GANTT procedure's "Getting Started" prints in full as Figure 8.1 "Software Project Plan"
 * (Figure 6.1 in an earlier edition, where the CPM procedure is chapter 2:
 * https://support.sas.com/documentation/cdl/en/orpmug/59678/HTML/default/gantt_sect2.htm):
 * for each activity its successors, duration and early and
 * late dates, T_FLOAT and F_FLOAT, as printed (PROC CPM, DATE='01MAR04'D, calendar days).
 */
const SAS_SOFTWARE: PrintedDates = {
  start: "01MAR04",
  days: "calendar",
  rows: {
    TESTING: ["01MAR04", "20MAR04", "01MAR04", "20MAR04", 0, 0],
    PRELDOC: ["01MAR04", "15MAR04", "11MAR04", "25MAR04", 10, 10],
    MEETMKT: ["01MAR04", "01MAR04", "20MAR04", "20MAR04", 19, 19],
    RECODE: ["21MAR04", "25MAR04", "21MAR04", "25MAR04", 0, 0],
    QATEST: ["26MAR04", "04APR04", "26MAR04", "04APR04", 0, 0],
    DOCEDREV: ["26MAR04", "04APR04", "26MAR04", "04APR04", 0, 0],
    PROD: ["05APR04", "05APR04", "05APR04", "05APR04", 0, 0],
  },
};

export const PUBLISHED_NETWORKS: PublishedNetwork[] = [
  {
    id: "HENDRICKSON",
    title: "Hendrickson: the nine-activity site preparation project (one critical path)",
    // Chris Hendrickson, Project Management for Construction, 2nd ed. (2008), Chapter 10:
    // activities and durations of Table 9-6 / Example 10-1, event times of Example 10-2
    // (E(1)=4, E(2)=12, E(3)=21, E(4)=24, E(5)=30; L(3)=22, L(4)=24), and Table 10-5
    // "Activity Float and Schedules" (earliest and latest starts, free and total float).
    source:
      "Hendrickson, Project Management for Construction, 2nd ed. (2008), ch. 10, Example 10-2 and Table 10-5; https://www.cmu.edu/cee/projects/PMbook/10_Fundamental_Scheduling_Procedures.html",
    rows: [
      ["A", 4, ""],
      ["B", 3, ""],
      ["C", 8, "A"],
      ["D", 7, "A"],
      ["E", 9, "B, C"],
      ["F", 12, "B, C"],
      ["G", 2, "D, E"],
      ["H", 5, "D, E"],
      ["I", 6, "F, G"],
    ],
    figures: {
      A: [0, 4, 0, 4, 0, 0],
      B: [0, 3, 9, 12, 9, 9],
      C: [4, 12, 4, 12, 0, 0],
      D: [4, 11, 15, 22, 11, 10],
      E: [12, 21, 13, 22, 1, 0],
      F: [12, 24, 12, 24, 0, 0],
      G: [21, 23, 22, 24, 1, 1],
      H: [21, 26, 25, 30, 4, 4],
      I: [24, 30, 24, 30, 0, 0],
    },
    finish: 30,
    criticalPaths: [["A", "C", "F", "I"]],
  },
  {
    id: "TAHA",
    title: "Taha: activity-on-arrow network with a dummy (4,5), total and free float",
    // Hamdy A. Taha, Operations Research: An Introduction, 8th ed. (2007), Section 6.5:
    // Example 6.5-2 (the arrows; critical path A-D-dummy-H, 25 days) and Example 6.5-4 (floats
    // of the non-critical activities: B TF 5 FF 2, C 3/0, E 3/3, F 6/6, G 11/11), pp. 282-284.
    // ES/EF/LS/LF from the event times of Example 6.5-2 (ES = E(tail), LF = L(head)).
    source: "Taha, Operations Research: An Introduction, 8th ed. (2007), Examples 6.5-2 and 6.5-4, pp. 282-284",
    arrows: [
      ["A", 1, 2, 5],
      ["B", 1, 3, 6],
      ["C", 2, 3, 3],
      ["D", 2, 4, 8],
      ["E", 3, 5, 2],
      ["F", 3, 6, 11],
      ["G", 4, 6, 1],
      ["dummy", 4, 5, 0],
      ["H", 5, 6, 12],
    ],
    figures: {
      A: [0, 5, 0, 5, 0, 0],
      B: [0, 6, 5, 11, 5, 2],
      C: [5, 8, 8, 11, 3, 0],
      D: [5, 13, 5, 13, 0, 0],
      E: [8, 10, 11, 13, 3, 3],
      F: [8, 19, 14, 25, 6, 6],
      G: [13, 14, 24, 25, 11, 11],
      dummy: [13, 13, 13, 13, 0, 0],
      H: [13, 25, 13, 25, 0, 0],
    },
    finish: 25,
    criticalPaths: [["A", "D", "dummy", "H"]],
  },
  {
    id: "TAYLOR",
    title: "Taylor: activity-on-arrow network with a dummy (4-5), thirteen arrows",
    // Bernard W. Taylor III, Introduction to Management Science, Chapter 8 "Project
    // Management", solutions to the end-of-chapter problems, p. 115 (ES, EF, LS, LF and slack
    // of every arrow; critical path 1-3-5-7-8-9, 38 weeks).
    // https://ar.scribd.com/doc/47113515/TaylCh08
    // The solution gives slack (total float); free float is E(j) - E(i) - t from the same
    // solution's event times, e.g. 4-5: 15 - 9 - 0 = 6.
    source:
      "Taylor, Introduction to Management Science, ch. 8 problem solutions, p. 115; https://ar.scribd.com/doc/47113515/TaylCh08",
    arrows: [
      ["1-2", 1, 2, 8],
      ["1-3", 1, 3, 10],
      ["1-4", 1, 4, 9],
      ["2-5", 2, 5, 6],
      ["2-6", 2, 6, 4],
      ["3-5", 3, 5, 5],
      ["4-5", 4, 5, 0],
      ["4-7", 4, 7, 7],
      ["5-7", 5, 7, 12],
      ["5-8", 5, 8, 15],
      ["6-9", 6, 9, 18],
      ["7-8", 7, 8, 4],
      ["8-9", 8, 9, 7],
    ],
    figures: {
      "1-2": [0, 8, 1, 9, 1, 0],
      "1-3": [0, 10, 0, 10, 0, 0],
      "1-4": [0, 9, 6, 15, 6, 0],
      "2-5": [8, 14, 9, 15, 1, 1],
      "2-6": [8, 12, 16, 20, 8, 0],
      "3-5": [10, 15, 10, 15, 0, 0],
      "4-5": [9, 9, 15, 15, 6, 6],
      "4-7": [9, 16, 20, 27, 11, 11],
      "5-7": [15, 27, 15, 27, 0, 0],
      "5-8": [15, 30, 16, 31, 1, 1],
      "6-9": [12, 30, 20, 38, 8, 8],
      "7-8": [27, 31, 27, 31, 0, 0],
      "8-9": [31, 38, 31, 38, 0, 0],
    },
    finish: 38,
    criticalPaths: [["1-3", "3-5", "5-7", "7-8", "8-9"]],
  },
  {
    id: "HILLIER",
    title: "Hillier and Lieberman: Reliable Construction Co. (14 activities, 44 weeks)",
    // Frederick S. Hillier and Gerald J. Lieberman, Introduction to Operations Research,
    // 9th ed. (2010), Section 22.3 (Chapter 10 in earlier editions): the Reliable Construction
    // Co. project, Table "Slack for Reliable's activities" (ES, LS, slack; D, G, H, M slack 4,
    // I 2, K 1; critical path START-A-B-C-E-F-J-L-N-FINISH). Free float derived from the
    // table's earliest times (successor ES - EF).
    source:
      "Hillier and Lieberman, Introduction to Operations Research, 9th ed. (2010), Section 22.3, table of slack for Reliable's activities",
    rows: [
      ["A", 2, ""],
      ["B", 4, "A"],
      ["C", 10, "B"],
      ["D", 6, "C"],
      ["E", 4, "C"],
      ["F", 5, "E"],
      ["G", 7, "D"],
      ["H", 9, "E, G"],
      ["I", 7, "C"],
      ["J", 8, "F, I"],
      ["K", 4, "J"],
      ["L", 5, "J"],
      ["M", 2, "H"],
      ["N", 6, "K, L"],
    ],
    figures: {
      A: [0, 2, 0, 2, 0, 0],
      B: [2, 6, 2, 6, 0, 0],
      C: [6, 16, 6, 16, 0, 0],
      D: [16, 22, 20, 26, 4, 0],
      E: [16, 20, 16, 20, 0, 0],
      F: [20, 25, 20, 25, 0, 0],
      G: [22, 29, 26, 33, 4, 0],
      H: [29, 38, 33, 42, 4, 0],
      I: [16, 23, 18, 25, 2, 2],
      J: [25, 33, 25, 33, 0, 0],
      K: [33, 37, 34, 38, 1, 1],
      L: [33, 38, 33, 38, 0, 0],
      M: [38, 40, 42, 44, 4, 4],
      N: [38, 44, 38, 44, 0, 0],
    },
    finish: 44,
    criticalPaths: [["A", "B", "C", "E", "F", "J", "L", "N"]],
  },
  {
    id: "LAGS",
    title: "Engineer4Free: every link type with lags (FS2, SS, SS1, SF3, FF3, SF2)",
    // "Difficult network diagram example with lag solved", Engineer4Free (2016):
    // https://www.youtube.com/watch?v=qTErIV6OqLg - the solution table gives ES, EF, LS, LF
    // and float for A..H; free float follows from the same early dates and the link
    // definitions (FS: ES_j - EF_i - lag, SS: ES_j - ES_i - lag, FF: EF_j - EF_i - lag,
    // SF: EF_j - ES_i - lag), e.g. F: H's EF 14 - F's ES 3 - 2 = 9.
    source:
      'Engineer4Free, "Difficult network diagram example with lag solved" (2016), solution table; https://www.youtube.com/watch?v=qTErIV6OqLg',
    rows: [
      ["A", 3, ""],
      ["B", 2, "A(FS2)"],
      ["C", 2, "A(SS)"],
      ["D", 4, "B(SS1)"],
      ["E", 1, "C(SF3)"],
      ["F", 2, "C(FF3)"],
      ["G", 4, "D(SS1), E"],
      ["H", 3, "F(SF2), G"],
    ],
    figures: {
      A: [0, 3, 0, 3, 0, 0],
      B: [5, 7, 5, 7, 0, 0],
      C: [0, 2, 4, 6, 4, 0],
      D: [6, 10, 6, 10, 0, 0],
      E: [2, 3, 6, 7, 4, 4],
      F: [3, 5, 12, 14, 9, 9],
      G: [7, 11, 7, 11, 0, 0],
      H: [11, 14, 11, 14, 0, 0],
    },
    finish: 14,
    criticalPaths: [["A", "B", "D", "G", "H"]],
  },
  {
    id: "SASSOFTWARE",
    title: "SAS/OR: the software development project (two critical paths)",
    // SAS Institute Inc., SAS/OR User's Guide: Project Management, chapter "The GANTT
    // Procedure", Getting Started, Figure 8.1 "Software Project Plan" (Figure 6.1 in an
    // earlier edition): the schedule of the software project of the chapter "The CPM Procedure",
    // Getting Started, printed with its successors and durations. Initial Testing (TESTING),
    // Recoding (RECODE) and Production (PROD) are critical, and so are both QA Test Approve
    // (QATEST) and Doc. Edit and Revise (DOCEDREV), which run side by side from 26MAR04 to
    // 04APR04: two critical paths. ES/EF/LS/LF are the printed dates counted in days from
    // 01MAR04 (figuresFromDates); the duration, 36 days, is the printed finish of PROD, 05APR04.
    source:
      'SAS Institute, SAS/OR User\'s Guide: Project Management, "The GANTT Procedure", Getting Started, Figure 8.1 "Software Project Plan"; https://support.sas.com/documentation/cdl/en/orpmug/67521/HTML/default/orpmug_gantt_gettingstarted.htm',
    successors: [
      ["TESTING", 20, ["RECODE"]],
      ["PRELDOC", 15, ["DOCEDREV", "QATEST"]],
      ["MEETMKT", 1, ["RECODE"]],
      ["RECODE", 5, ["DOCEDREV", "QATEST"]],
      ["QATEST", 10, ["PROD"]],
      ["DOCEDREV", 10, ["PROD"]],
      ["PROD", 1, []],
    ],
    dates: SAS_SOFTWARE,
    figures: figuresFromDates(SAS_SOFTWARE),
    finish: 36,
    criticalPaths: [
      ["TESTING", "RECODE", "QATEST", "PROD"],
      ["TESTING", "RECODE", "DOCEDREV", "PROD"],
    ],
  },
];

/**
 * Hillier and Lieberman, Introduction to Operations Research, 9th ed. (2010), Section 22.4
 * (Chapter 10 in earlier editions), "Dealing with uncertain activity durations": the
 * optimistic, most likely and pessimistic estimates (o, m, p) of the Reliable Construction Co.
 * activities, whose PERT means (o + 4m + p)/6 are the durations of the Reliable network above
 * (A 2, B 4, C 10, ...): scheduled on its means, the network gives that network's figures.
 */
export const RELIABLE_ESTIMATES: [id: string, optimistic: number, mostLikely: number, pessimistic: number][] = [
  ["A", 1, 2, 3],
  ["B", 2, 3.5, 8],
  ["C", 6, 9, 18],
  ["D", 4, 5.5, 10],
  ["E", 1, 4.5, 5],
  ["F", 4, 4, 10],
  ["G", 5, 6.5, 11],
  ["H", 5, 8, 17],
  ["I", 3, 7.5, 9],
  ["J", 3, 9, 9],
  ["K", 4, 4, 4],
  ["L", 1, 5.5, 7],
  ["M", 1, 2, 3],
  ["N", 5, 5.5, 9],
];
