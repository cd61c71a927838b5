/** Plain-English labels for the schema's controlled values. */
import type { Completion, FundingLine, SchoolsReached, SectorShortage } from './schema.ts';

export const MEASURE_LABEL: Record<Completion['measure'], string> = {
  completed: 'people completed the course',
  expected_completed: 'expected to have completed',
  places_funded: 'places funded',
  businesses_consulted: 'businesses contributed',
  jobs_expected: 'jobs expected',
  projects: 'projects in the first phase',
};

/** Whether a measure is a target or expectation rather than something that has happened. */
export const MEASURE_IS_EXPECTATION: Record<Completion['measure'], boolean> = {
  completed: false,
  expected_completed: true,
  places_funded: false,
  businesses_consulted: false,
  jobs_expected: true,
  projects: false,
};

/**
 * Targets and the figure that settles each, so a target is checked against the data: the
 * outcome of a target measure is a row of the outcome measure for the same area and
 * programme. null: the schema has no measure for that outcome yet, so none can be published.
 * Every expectation measure (MEASURE_IS_EXPECTATION) is listed; a unit test checks it.
 */
export const MEASURE_OUTCOME: Partial<Record<Completion['measure'], Completion['measure'] | null>> = {
  expected_completed: 'completed',
  jobs_expected: null,
};

/** Planned schools and colleges are settled by the count of those taking part. */
export const SCHOOLS_STATUS_OUTCOME: Partial<Record<SchoolsReached['status'], SchoolsReached['status']>> = {
  planned: 'actual',
};

/** Funding categories that are expectations, not money committed; no category records their outcome. */
export const CATEGORY_OUTCOME: Partial<Record<FundingLine['category'], FundingLine['category'] | null>> = {
  expected_investment: null,
};

export const SCHOOLS_STATUS_LABEL: Record<SchoolsReached['status'], string> = {
  actual: 'schools and colleges taking part',
  planned: 'schools and colleges planned',
};

export const FUNDER_TYPE_LABEL: Record<FundingLine['funder_type'], string> = {
  government: 'Government',
  combined_authority: 'Combined authority',
  mixed: 'Government and combined authority',
  other: 'Other',
  not_stated: 'Funder not stated',
};

/** The headline card's tag for whether a funding line is new money. */
export const NEW_MONEY_LABEL: Record<FundingLine['new_money'], string> = {
  yes: 'New money',
  partly: 'Partly new money',
  not_stated: 'Whether it is new money is not stated',
};

export const CATEGORY_LABEL: Record<FundingLine['category'], string> = {
  skills: 'Skills funding',
  wider_investment: 'Wider investment (not skills funding)',
  expected_investment: 'Investment expected (not committed)',
};

export const RELATION_LABEL: Record<SectorShortage['relation'], string> = {
  shortage: 'Named as a skills shortage',
  priority: 'Named as a priority',
  training_offer: 'Training offered',
  pathway: 'Career pathway',
};
