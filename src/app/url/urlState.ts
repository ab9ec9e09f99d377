/**
 * The link's modules in one import: codecs (./codecs.ts), inputs (./inputCodec.ts), the field
 * table (./fields.ts), hash encode/decode and notice texts (./hash.ts), limits (./limits.ts) and
 * the store adapter (./storeAdapter.ts).
 */
export { quote } from './codecs';
export { decodeInput, decodePixels, encodeInput, encodeMatrixEntry, encodePixels, isTwoQubitInput } from './inputCodec';
export { DEFAULT_DEPTH, defaultUrlState, FIELDS, type BlockParams, type UrlState } from './fields';
export {
  decodeHash,
  encodeHash,
  linkedKeys,
  linkNoticeHeading,
  linkReadsNothing,
  NOTHING_READ,
  unwrapEncodedHash,
  URL_VERSION,
  type DecodedHash,
} from './hash';
export { limitViolations, URL_LIMITS } from './limits';
export { urlStateOf } from './storeAdapter';
