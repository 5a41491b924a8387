/**
 * Fleet: many runs added up into one mergeable document, and which environment values go with
 * failure. Core code (no `node:` imports): the CLI's worker pool and file walking live in
 * src/cli/commands/fleet*.ts.
 * @module
 */

export { createFleetAggregate, FLEET_LIMITS, FLEET_SCHEMA } from './aggregate.ts'
export type { FleetAggregate, FleetAggregateJSON, FleetCause, FleetDimension, FleetExample, FleetLimits, FleetValue, OutcomeCounts } from './aggregate.ts'
export { checkFleetDocument, FLEET_DOCUMENT_LIMIT, FleetDocumentError, readFleetAggregate } from './read.ts'
export { FLEET_TEXT_LIMIT, fleetRunOf } from './run.ts'
export type { FleetFact, FleetInputFailure, FleetInputReason, FleetRun, FleetRunCause } from './run.ts'
export { failureSuspects } from './separation.ts'
export type { FleetSuspect } from './separation.ts'
