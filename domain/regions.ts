/**
 * The world's regions as the United Nations statistics division groups countries (M49): what
 * a facilitator filters organizations by when inviting them ("every NGO working in Africa").
 */
export const regions = ['africa', 'americas', 'asia', 'europe', 'oceania'] as const;
export type Region = (typeof regions)[number];

const members: Record<Region, string> = {
  africa: 'DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU YT MA MZ NA NE NG RE RW SH ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW IO TF',
  americas: 'AI AG AR AW BS BB BZ BM BO BQ BR VG CA KY CL CO CR CU CW DM DO EC SV FK GF GL GD GP GT GY HT HN JM MQ MX MS NI PA PY PE PR BL KN LC MF PM VC SX SR TT TC US UM VI UY VE GS BV',
  asia: 'AF AM AZ BH BD BT BN KH CN CY GE HK IN ID IR IQ IL JP JO KZ KW KG LA LB MO MY MV MN MM NP KP OM PK PS PH QA SA SG KR LK SY TW TJ TH TL TR TM AE UZ VN YE',
  europe: 'AX AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG VA HU IS IE IM IT JE XK LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB',
  oceania: 'AS AU CX CC CK FJ PF GU HM KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV VU WF',
};

const regionOfCountry = new Map<string, Region>(regions.flatMap((region) => members[region].split(' ').map((code) => [code, region] as const)));

/** The region of an ISO 3166 country code, or null (Antarctica, an unknown code). */
export function regionOf(country: string): Region | null {
  return regionOfCountry.get(country.toUpperCase()) ?? null;
}

/** The regions an organization works in, from its countries. */
export function regionsOf(countries: readonly string[]): Region[] {
  return [...new Set(countries.map(regionOf).filter((r): r is Region => r !== null))];
}
