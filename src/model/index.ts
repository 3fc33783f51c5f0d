/**
 * The learned sequence tagger: BIO over PER/LOC/ORG with hashed Arabic features, an averaged
 * structured perceptron and constrained Viterbi. Imports only `normalize/` and `tokenize/`.
 */
export { LABELS, NUM_LABELS, ENTITY_TYPES, labelSpans, labelCode, allowedTransition, type Label, type EntityType, type TokenSpan } from './labels.js';
export {
  FeatureExtractor,
  WordSet,
  wordHash,
  hashSlice,
  featureRow,
  morphClass,
  shapeOf,
  stemsOf,
  T,
  FEATURE_SET_VERSION,
  MAX_FEATURES_PER_TOKEN,
  HINT_PERSON,
  HINT_LOCATION,
  HINT_ORGANIZATION,
  HINT_NAME_TOKEN,
  HINT_TRIGGER,
  HINT_MATCH_START,
  HINT_MASK,
  MORPH_NONE,
  MORPH_NISBA_PLURAL,
  MORPH_NISBA_FEMININE,
  MORPH_NISBA,
  MORPH_FEMININE_PLURAL,
  MORPH_PLURAL,
  MORPH_DUAL,
  MORPH_FEMININE,
  pairHash,
  type FeatureConfig,
} from './features.js';
export { nameGaps, viterbi, ViterbiScratch } from './viterbi.js';
export { trainPerceptron, seededRandom, type TrainingSentence, type FloatModel, type TrainOptions } from './perceptron.js';
export { Tagger, encodeModel, prepareWords, type TokenColumns, type PreparedWords, type EncodeOptions, type ModelMetadata } from './tagger.js';
export { hintBytes, type HintMatch } from './hints.js';
export { EntityScorer, formatReport, type EntityReport, type PRF } from './metrics.js';
export { parseConll, anercorpLabel, aqmarLabel, type LabelledSentence } from './conll.js';
export { PERSON_TRIGGERS, LOCATION_TRIGGERS, ORGANIZATION_TRIGGERS, TRIGGER_PERSON, TRIGGER_LOCATION, TRIGGER_ORGANIZATION, TRIGGER_SPORTS } from './triggers.js';
