/** Slip, tolerance and the governing baseline live in the domain model (src/core/domain/schedule.ts). */
export {
  approvedRebaselines,
  baselineDurationDays,
  isAchieved,
  milestoneSlipDays,
  scheduleTolerance,
  unapprovedSlip,
  type Rebaselines,
  type ScheduleTolerance,
} from "../../domain/index.js";
