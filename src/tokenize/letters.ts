/** Arabic letters the tokeniser, matcher and tagger test by code point (after normalisation). */
export const ALEF = 0x627;
export const BEH = 0x628;
export const TEH = 0x62a;
export const FEH = 0x641;
export const KAF = 0x643;
export const LAM = 0x644;
export const NOON = 0x646;
export const HEH = 0x647;
export const WAW = 0x648;
export const ALEF_MAKSURA = 0x649;
export const YEH = 0x64a;
