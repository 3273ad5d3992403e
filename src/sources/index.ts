/**
 * Source credibility: outlet ratings with provenance (Wikipedia RSP, CRED-1), ownership and state
 * affiliation, the outlet that published an article, and the outlets it cites. Passes run in the order of
 * the file names: schema -> tables -> normalise -> names -> ratings -> cues -> detect -> cited -> render.
 */
export {
  rspRowSchema,
  cred1RowSchema,
  outletSchema,
  ratingSchema,
  reliabilitySchema,
  outletCardSchema,
  detectionSchema,
  citedSourceSchema,
  evidenceSchema,
  RSP_STATUSES,
  CRED1_CATEGORIES,
  OWNERSHIP_KINDS,
  LABELS,
  DETECTED_BY,
  CITATION_KINDS,
} from './01-schema.ts';
export type { RspRow, Cred1Row, Outlet, Rating, Reliability, ReliabilityLabel, OutletCard, OutletDetection, CitedSource, Evidence, TableHeader } from './01-schema.ts';
export { loadSourceTables, defaultSourcesDir, SOURCE_FILES, type SourceTables, type TableInfo } from './02-tables.ts';
export { normaliseDomain, type NormalisedDomain } from './03-normalise.ts';
export { findNames, type NameMatch } from './04-names.ts';
export { lookupOutlet, labelFor, RSP_STATUS_SCORES, CRED1_CAPS, SOURCE_WEIGHTS, LABEL_THRESHOLDS, CONFIDENCE, CITATIONS } from './05-ratings.ts';
export { detectOutlet, type DetectHint } from './07-detect.ts';
export { findCitedSources } from './08-cited.ts';
export { renderOutletCard } from './09-render.ts';
