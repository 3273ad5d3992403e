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
} from './schema.ts';
export type { RspRow, Cred1Row, Outlet, Rating, Reliability, ReliabilityLabel, OutletCard, OutletDetection, CitedSource, Evidence, TableHeader } from './schema.ts';
export { loadSourceTables, defaultSourcesDir, SOURCE_FILES, type SourceTables, type TableInfo } from './tables.ts';
export { normaliseDomain, type NormalisedDomain } from './normalise-domain.ts';
export { findNames, type NameMatch } from './names.ts';
export { lookupOutlet, labelFor, RSP_STATUS_SCORES, CRED1_CAPS, SOURCE_WEIGHTS, LABEL_THRESHOLDS, CONFIDENCE, CITATIONS } from './ratings.ts';
export { detectOutlet, type DetectHint } from './detect.ts';
export { findCitedSources } from './cited.ts';
export { renderOutletCard } from './card-text.ts';
