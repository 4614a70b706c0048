/**
 * The kinds each command about plans loads (LoadOptions.kinds), in a module of their own: the
 * command line passes them to the load it begins before the command's modules are loaded
 * (CliContext.prestartLoad), and the commands load with the same lists.
 */

/**
 * The kinds a command about projects and portfolios loads (rank, select, compare): the
 * engagement and every kind a project, portfolio or decision may refer to, so that what
 * validation says of them is what a full load says (only an id shared with a risk or an issue
 * goes unseen). Risks and issues, most of the files of a large repository, are not read.
 */
export const PLAN_KINDS = ["Engagement", "Portfolio", "Project", "Decision", "Person"] as const;

/**
 * The kinds a plan is read from (earned value reads no others): only these are loaded
 * (LoadOptions.kinds) and schema-checked, so that a large repository stays fast.
 */
export const EVM_PLAN_KINDS = ["Engagement", "Portfolio", "Project"] as const;

/**
 * The kinds the schedule reads (LoadOptions.kinds): the engagement (its scheduling calendar)
 * and the projects (their milestones and links). Decisions, people and portfolios play no part
 * in the network; each document is checked against its own schema only, so leaving the other
 * kinds unread changes nothing the schedule says, and on a large repository saves reading,
 * parsing and checking most of its files.
 */
export const SCHEDULE_KINDS = ["Engagement", "Project"] as const;
