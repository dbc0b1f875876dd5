/**
 * Demo organizations, extracted from the reference paper
 * "IOM Partnership with Non-Governmental Organizations (NGOs) in Managing Migration"
 * (/work/shared/reference/iom-ngo-partnership.txt), mainly its Annex.
 *
 * Conventions used when reading the paper:
 * - `name`: the paper's spelling (typographic apostrophe ’ as in the paper). Where the
 *   paper gives only a short form (e.g. "AWO", "DRK", "HRS") that short form is the name.
 *   Where a change was needed (ambiguous duplicates such as two different "Caritas", a
 *   misspelling, a hyphen lost in the text extraction) a comment gives the paper's spelling.
 * - `acronym`: only when the paper gives both a long and a short form; otherwise null.
 * - `countries`: ISO 3166-1 alpha-2. For `international` organizations only the home country
 *   the paper states (e.g. "French NGO ACTED"), else []. The paper's "Federal Republic of
 *   Yugoslavia" is mapped to RS (Belgrade) / ME (Montenegro); Kosovo uses the user-assigned
 *   code XK (not an official ISO 3166-1 code).
 * - `level`: taken from the paper ("local NGO", "national NGO", "international NGOs") when it
 *   says so; otherwise marked `// inferred` with the reason.
 * - `areas`: the Annex heading(s) the organization is listed under.
 * - `relationships`: paragraph 4's kinds, from what the Annex says the organization did:
 *   implemented / provided services for an IOM project -> service-provider; worked with /
 *   partnered / participated -> collaborator; funded or donated -> donor; funded by IOM ->
 *   grant-recipient; received IOM support/capacity-building -> technical-cooperation-beneficiary;
 *   received services from IOM (e.g. case information) -> service-recipient.
 * - `observerSince`: DEMO VALUES ONLY. The paper does not say which NGOs hold observer status
 *   at the IOM Council, nor since when. Dates were assigned to about a third of the entries,
 *   chosen among the international / larger organizations (and the two demo-account
 *   organizations), to exercise the UI.
 */

export type Level = 'local' | 'national' | 'regional' | 'international';
export type Area =
  | 'technical-cooperation'
  | 'movement-management'
  | 'migrants-rights'
  | 'labour-migration'
  | 'assisted-voluntary-return'
  | 'counter-trafficking'
  | 'mass-information'
  | 'migration-health'
  | 'research'
  | 'emergency-post-conflict'
  | 'special-programmes';
export type Relationship =
  | 'collaborator'
  | 'service-provider'
  | 'donor'
  | 'technical-cooperation-beneficiary'
  | 'grant-recipient'
  | 'service-recipient';

export interface SeedOrganization {
  name: string;
  acronym: string | null;
  countries: string[];
  level: Level;
  areas: Area[];
  relationships: Relationship[];
  /** 'YYYY-MM-DD' or null. DEMO VALUES, not from the paper. */
  observerSince: string | null;
  description: string;
}

/** NB: every non-null `observerSince` below is a demo value, not taken from the paper. */
export const seedOrganizations: SeedOrganization[] = [
  // ───────────── Technical Cooperation on Migration (Annex §1–4) ─────────────
  {
    name: 'HAYAT',
    acronym: null,
    countries: ['AZ'],
    level: 'national',
    areas: ['technical-cooperation'],
    relationships: ['collaborator', 'technical-cooperation-beneficiary'],
    observerSince: null,
    description:
      'Within the IOM NGO Migration Sector Development Programme, worked with IOM Azerbaijan to set up a Migration Information Centre giving potential migrants reliable information and advice on legal options.',
  },
  {
    name: 'ACTED',
    acronym: null,
    countries: ['FR'], // "the French NGO ACTED"
    level: 'international', // inferred: French NGO operating in Afghanistan
    areas: ['technical-cooperation'],
    relationships: ['service-provider'],
    observerSince: '2001-11-27',
    description:
      'Received referrals from the IOM Kabul referral and reintegration system; in 2001 it provided 411 returnee families with materials to improve their shelters.',
  },
  {
    name: 'Solidarity Afghanistan/Belgium',
    acronym: null,
    countries: ['BE'], // "the Belgian NGO"
    level: 'international', // inferred: Belgian NGO operating in Afghanistan
    areas: ['technical-cooperation'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Received more than 60 disabled returnees referred by IOM Kabul and provided them with assistance and vocational training.',
  },
  {
    name: 'Modar',
    acronym: null,
    countries: ['TJ'],
    level: 'local', // paper: "NGO Modar and other local NGOs"
    areas: ['technical-cooperation'],
    relationships: ['collaborator', 'technical-cooperation-beneficiary'],
    observerSince: null,
    description:
      'Under the Capacity-Building in Migration Management Programme in Tajikistan, helped IOM produce posters and brochures on the realities of working abroad, trafficking and HIV/STD risks; NGO staff were trained by IOM to support trafficking victims.',
  },

  // ───────────── Movement Management (Annex §5–11) ─────────────
  {
    name: 'Church World Service',
    acronym: null,
    countries: [], // international; HQ not stated (paper places it in the IOM Belgrade and IOM New York USRP networks)
    level: 'international', // paper §11: "the international NGO Church World Service"
    areas: ['movement-management'],
    relationships: ['service-recipient', 'collaborator', 'service-provider'],
    observerSince: '1998-11-17',
    description:
      'Receives refugee case updates from IOM Belgrade and, as Church World Service/Immigration and Refugee Programme, works with IOM New York on reception and placement of resettled refugees; conducts cultural orientation for US-bound refugees processed out of West Africa.',
  },
  {
    name: 'Domestic and Foreign Missionary Society',
    acronym: null,
    countries: ['US'],
    level: 'national', // inferred: US refugee resettlement agency (USRP)
    areas: ['movement-management'],
    relationships: ['service-recipient'],
    observerSince: null,
    description:
      'One of the resettlement NGOs to which IOM Belgrade provides updated information on refugee status adjudication, INS interview dates, departure dates and medical status.',
  },
  {
    name: 'National Episcopal Church',
    acronym: null,
    countries: ['US'],
    level: 'national', // inferred: part of the "national network of NGO offices" of the USRP (§7)
    areas: ['movement-management'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Part of the national network of NGO offices with which IOM New York works on the reception and placement of refugees resettled under the United States Refugee Programme.',
  },
  {
    name: 'Hebrew Immigrant Aid Society',
    acronym: null,
    countries: ['US'],
    level: 'national', // inferred: part of the USRP "national network of NGO offices" (§7)
    areas: ['movement-management'],
    relationships: ['service-recipient', 'collaborator'],
    observerSince: '1993-11-30',
    description:
      'Receives refugee case information from IOM Belgrade and works with IOM New York on the reception and placement of refugees resettled in the United States.',
  },
  {
    name: 'International Rescue Committee',
    acronym: 'IRC',
    countries: [], // international; HQ not stated
    level: 'international', // paper §50 lists IRC among "international NGOs"
    areas: ['movement-management', 'migration-health', 'emergency-post-conflict'],
    relationships: ['service-recipient', 'collaborator'],
    observerSince: '1995-11-28',
    description:
      'Works with IOM on US refugee resettlement (Belgrade, New York), supported water and sanitation in the Maslakh IDP camp and planned IDP returns in Northern Afghanistan with IOM, and is to run community health needs assessments for Burmese migrants in Thailand.',
  },
  {
    name: 'Immigration and Refugee Services of America',
    acronym: null,
    countries: ['US'],
    level: 'national', // inferred: part of the USRP "national network of NGO offices" (§7)
    areas: ['movement-management'],
    relationships: ['service-recipient', 'collaborator'],
    observerSince: '1999-11-30',
    description:
      'Receives refugee case information from IOM Belgrade and works with IOM New York on the reception and placement of refugees resettled in the United States.',
  },
  {
    name: 'Lutheran Immigration and Refugee Services',
    acronym: null,
    countries: ['US'],
    level: 'national', // inferred: part of the USRP "national network of NGO offices" (§7)
    areas: ['movement-management'],
    relationships: ['service-recipient', 'collaborator'],
    observerSince: '1997-11-24',
    description:
      'Receives refugee case information from IOM Belgrade and works with IOM New York on the reception and placement of refugees resettled in the United States.',
  },
  {
    // Paper: "United States Catholic Conference" (§5) and "United States Catholic Conference of Catholic Bishops" (§7).
    name: 'United States Catholic Conference',
    acronym: null,
    countries: ['US'],
    level: 'national', // inferred: part of the USRP "national network of NGO offices" (§7)
    areas: ['movement-management'],
    relationships: ['service-recipient', 'collaborator'],
    observerSince: '1995-11-28',
    description:
      'Receives refugee case information from IOM Belgrade and works with IOM New York on the reception and placement of refugees resettled in the United States.',
  },
  {
    // Paper: "World Relief Refugee Service" (§5) and "World Relief" (§7).
    name: 'World Relief',
    acronym: null,
    countries: ['US'],
    level: 'national', // inferred: part of the USRP "national network of NGO offices" (§7)
    areas: ['movement-management'],
    relationships: ['service-recipient', 'collaborator'],
    observerSince: '1998-11-17',
    description:
      'Through its Refugee Service, receives refugee case information from IOM Belgrade, and works with IOM New York on the reception and placement of refugees resettled in the United States.',
  },
  {
    name: 'Ethiopian Community Development Council',
    acronym: null,
    countries: ['US'],
    level: 'national', // inferred: part of the USRP "national network of NGO offices" (§7)
    areas: ['movement-management'],
    relationships: ['collaborator'],
    observerSince: '2002-12-02',
    description:
      'Part of the national NGO network with which IOM New York works on the reception and placement of refugees, helping them become self-sufficient through employment.',
  },
  {
    name: 'Swedish Red Cross',
    acronym: null,
    countries: ['SE'],
    level: 'national', // inferred: national Red Cross society
    areas: ['movement-management'],
    relationships: ['service-recipient'],
    observerSince: '2000-11-28',
    description:
      'At its request, IOM Sarajevo implements the return programme of Bosnian professionals residing in Sweden, arranging transport, transit and documentation for family reunification or return.',
  },
  {
    // The paper does not explicitly call the Joint Voluntary Agency an NGO; it appears in the NGO annex.
    name: 'Joint Voluntary Agency',
    acronym: null,
    countries: ['KE'],
    level: 'regional', // inferred: covers East, Central and Southern Africa from Nairobi
    areas: ['movement-management'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'In a co-project with IOM Nairobi, conducts cultural orientation for US-bound refugees in East, Central and Southern Africa.',
  },
  {
    // Paper (§8, IOM Bern): just "Caritas"; qualified to distinguish it from the Caritas in Germany (§9).
    name: 'Caritas (Switzerland)',
    acronym: null,
    countries: ['CH'],
    level: 'national', // inferred: partner of IOM Bern's national family unification programme
    areas: ['movement-management'],
    relationships: ['collaborator'],
    observerSince: '2001-11-27',
    description:
      'Cooperates with IOM Bern in the family unification programme on family reunion, resettlement, return counselling and networking in the return assistance field.',
  },
  {
    name: 'Swiss Refugee Assistance', // paper: "SFH/OSAR (Swiss Refugee Assistance)"
    acronym: 'SFH/OSAR',
    countries: ['CH'],
    level: 'national', // inferred: name ("Swiss")
    areas: ['movement-management'],
    relationships: ['collaborator'],
    observerSince: '2002-12-02',
    description:
      'Cooperates with IOM Bern in the family unification programme on family reunion, resettlement, return counselling and return assistance networking.',
  },
  {
    name: 'Swiss Protestant Churches', // paper: "HEKS (Swiss Protestant Churches)"
    acronym: 'HEKS',
    countries: ['CH'],
    level: 'national', // inferred: name ("Swiss")
    areas: ['movement-management'],
    relationships: ['collaborator'],
    observerSince: '2000-11-28',
    description:
      'Cooperates with IOM Bern on family reunion, resettlement and return counselling, and helps design pre-departure training projects for voluntary returnees.',
  },
  {
    name: 'Terre des hommes',
    acronym: null,
    countries: ['CH'],
    level: 'national', // inferred: listed among IOM Bern's Swiss partners; the paper gives no scope
    areas: ['movement-management'],
    relationships: ['collaborator'],
    observerSince: '2003-06-02',
    description:
      'Cooperates with IOM Bern in the family unification programme on family reunion, resettlement, return counselling and networking.',
  },
  {
    name: 'Arbeiterhilfswerk',
    acronym: null,
    countries: ['CH'],
    level: 'national', // inferred: listed among IOM Bern's Swiss partners
    areas: ['movement-management'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Cooperates with IOM Bern in designing pre-departure training projects for voluntary returnees.',
  },
  {
    // Paper (§8, IOM Bern): "the Red Cross"; qualified to keep names unique.
    name: 'Red Cross (Switzerland)',
    acronym: null,
    countries: ['CH'],
    level: 'national', // inferred: national Red Cross society
    areas: ['movement-management'],
    relationships: ['collaborator'],
    observerSince: '2001-11-27',
    description:
      'Cooperates with IOM Bern in designing pre-departure training projects for voluntary returnees.',
  },
  {
    name: 'Raphaelswerk',
    acronym: null,
    countries: ['DE'],
    level: 'national', // inferred: partner in the Germany-wide REAG programme
    areas: ['movement-management'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Partner in the REAG programme: files applications with IOM for voluntary returnees or migrants to third countries and organizes family reunification, travel and departure assistance with IOM.',
  },
  {
    name: 'Diakonisches Werk',
    acronym: null,
    countries: ['DE'],
    level: 'national', // inferred: partner in the Germany-wide REAG programme
    areas: ['movement-management'],
    relationships: ['collaborator'],
    observerSince: '1999-11-30',
    description:
      'Partner in the REAG programme: files applications with IOM for voluntary returnees or migrants to third countries and organizes family reunification, travel and departure assistance with IOM.',
  },
  {
    name: 'AWO', // paper gives only "AWO"
    acronym: null,
    countries: ['DE'],
    level: 'national', // inferred: partner in the Germany-wide REAG programme
    areas: ['movement-management'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Partner in the REAG programme: files applications with IOM for voluntary returnees or migrants to third countries and organizes travel and departure assistance with IOM.',
  },
  {
    // Paper (§9, Germany): just "Caritas"; qualified to distinguish it from the Caritas in Switzerland (§8).
    name: 'Caritas (Germany)',
    acronym: null,
    countries: ['DE'],
    level: 'national', // inferred: partner in the Germany-wide REAG programme
    areas: ['movement-management'],
    relationships: ['collaborator'],
    observerSince: '2000-11-28',
    description:
      'Partner in the REAG programme: files applications with IOM for voluntary returnees or migrants to third countries and organizes family reunification, travel and departure assistance with IOM.',
  },
  {
    name: 'DRK', // paper gives only "DRK"
    acronym: null,
    countries: ['DE'],
    level: 'national', // inferred: partner in the Germany-wide REAG programme
    areas: ['movement-management'],
    relationships: ['collaborator'],
    observerSince: '1996-11-27',
    description:
      'Partner in the REAG programme: files applications with IOM for voluntary returnees or migrants to third countries and organizes travel and departure assistance with IOM.',
  },
  {
    name: 'Dutch Interchurch Aid',
    acronym: null,
    countries: ['NL'],
    level: 'national', // inferred: name ("Dutch")
    areas: ['movement-management'],
    relationships: ['collaborator'],
    observerSince: '2001-11-27',
    description:
      'Partner of IOM The Hague in the Family Reunification Programme in the Netherlands.',
  },
  {
    name: 'Dutch Refugee Council',
    acronym: null,
    countries: ['NL'],
    level: 'national', // inferred: name ("Dutch")
    areas: ['movement-management'],
    relationships: ['collaborator'],
    observerSince: '1997-11-24',
    description:
      'Partner of IOM The Hague in the Family Reunification Programme in the Netherlands.',
  },
  {
    name: 'Joint Protestant Churches SOW - Samen Op Weg kerken',
    acronym: 'SOW',
    countries: ['NL'],
    level: 'national', // inferred: Dutch church federation
    areas: ['movement-management'],
    relationships: ['donor'],
    observerSince: null,
    description:
      'Co-funds the Family Reunification Programme in the Netherlands, for which IOM arranges travel documents, visas and airline tickets.',
  },

  // ───────────── Migrants' Rights (Annex §12–16) ─────────────
  {
    name: 'Russian Red Cross',
    acronym: null,
    countries: ['RU'],
    level: 'national', // inferred: national Red Cross society
    areas: ['migrants-rights'],
    relationships: ['collaborator'],
    observerSince: '2002-12-02',
    description:
      'Takes part in the discussions, round tables, seminars and situation reports of the IOM Moscow Migration Research Programme, providing experts on migrants’ human rights and health care.',
  },
  {
    name: 'International Assembly for Human Rights',
    acronym: null,
    countries: [], // HQ not stated; the paper places its work in the IOM Moscow programme
    level: 'international', // inferred: name ("International")
    areas: ['migrants-rights'],
    relationships: ['collaborator'],
    observerSince: '2003-06-02',
    description:
      'Takes part in the discussions, round tables, seminars and situation reports of the IOM Moscow Migration Research Programme, providing experts on migrants’ human rights.',
  },
  {
    name: 'Welfare Association of Repatriated Bangladeshi Employees',
    acronym: 'WARBE',
    countries: ['BD'],
    level: 'national', // inferred: Bangladeshi migrant workers' association; paper gives no scope
    areas: ['migrants-rights'],
    relationships: ['collaborator', 'grant-recipient'],
    observerSince: null,
    description:
      'A migrant workers’ NGO assisted by IOM Dhaka in organizing seminars and workshops on migrants’ rights; IOM funded its posters, banners and T-shirts for the 2001 migrant day rally.',
  },
  {
    name: 'Inter-American Institute of Human Rights',
    acronym: null,
    countries: ['GT'], // the paper places its work with IOM in Guatemala
    level: 'regional', // inferred: name ("Inter-American")
    areas: ['migrants-rights'],
    relationships: ['collaborator'],
    observerSince: '2003-06-02',
    description:
      'Worked with IOM Guatemala on a human rights approach to forced migration flows, producing Notebook on Migration #5 to promote migrants’ rights.',
  },
  {
    name: 'ECPAT International',
    acronym: null,
    countries: [], // HQ not stated
    level: 'international', // inferred: name ("International")
    areas: ['migrants-rights'],
    relationships: ['collaborator'],
    observerSince: '2001-11-27',
    description: 'Works with IOM Guatemala in producing the working Notebook on Migration #8.',
  },
  {
    name: 'Zara',
    acronym: null,
    countries: ['AT'], // "the Austrian NGO Zara"
    level: 'national', // inferred: described as an Austrian NGO
    areas: ['migrants-rights'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Commissioned by IOM Vienna as trainers for a workshop for journalists on anti-discrimination, within the Campaign for People in Need of International Protection.',
  },
  {
    name: 'Coordinadora de Animación Socio-Cultural',
    acronym: 'CASCO',
    countries: ['DO'],
    level: 'local', // inferred: paper gives no scope
    areas: ['migrants-rights'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Works with IOM Santo Domingo in the information campaign promoting migrants’ rights in the Dominican Republic.',
  },
  {
    name: 'Centro de Asistencia e Información Legal',
    acronym: 'CEDAIL',
    countries: ['DO'],
    level: 'local', // inferred: paper gives no scope
    areas: ['migrants-rights'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Works with IOM Santo Domingo promoting migrants’ rights and disseminating migrant information in the Dominican Republic.',
  },
  {
    name: 'Movimiento Socio-Cultural Trabajadores Haitianos',
    acronym: 'MOSCTHA',
    countries: ['DO'],
    level: 'local', // inferred: paper gives no scope
    areas: ['migrants-rights'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Works with IOM Santo Domingo promoting migrants’ rights and disseminating migrant information in the Dominican Republic.',
  },

  // ───────────── Labour Migration (Annex §17–19) ─────────────
  {
    name: 'Italian Refugees Council',
    acronym: 'CIR',
    countries: ['IT'],
    level: 'national', // inferred: name ("Italian")
    areas: ['labour-migration'],
    relationships: ['collaborator'],
    observerSince: '2000-11-28',
    description:
      'Took part in the working group that drafted orientation manuals for IOM’s vocational training and counselling project for migrants and refugees from the Balkans in Italy.',
  },
  {
    name: 'Casa dei Diritti Sociali',
    acronym: null,
    countries: ['IT'],
    level: 'local', // inferred: paper gives no scope
    areas: ['labour-migration'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Took part in the working group that drafted orientation manuals for IOM’s vocational training and counselling project for migrants and refugees from the Balkans in Italy.',
  },
  {
    name: 'CIDIS/Alisei',
    acronym: null,
    countries: ['IT'],
    level: 'local', // inferred: its course served migrants in the Umbria region
    areas: ['labour-migration'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Provided an orientation course for 50 migrants in the Umbria region within the training sessions of IOM’s Balkan migrants and refugees project.',
  },
  {
    name: 'Hassan II Foundation',
    acronym: null,
    countries: ['MA'],
    level: 'national', // inferred: headquartered in Rabat and working for Moroccan emigrants generally
    areas: ['labour-migration'],
    relationships: ['collaborator'],
    observerSince: '2002-12-02',
    description:
      'Partner of IOM in the Integrated Information Systems for Migration Management project in Morocco, hosting an observatory structure at its Rabat headquarters.',
  },

  // ───────────── Assisted Voluntary Returns (Annex §20–25) ─────────────
  {
    name: 'Caritas Österreich', // paper spelling identical: "Caritas Österreich"
    acronym: null,
    countries: ['AT'],
    level: 'national', // inferred: national organization with regional Caritas offices
    areas: ['assisted-voluntary-return'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: '1998-11-17',
    description:
      'Works with IOM Vienna on the Austrian Humanitarian Return Programme, for which IOM facilitates return flights; its regional offices provide return counselling and referral of returnees.',
  },
  {
    name: 'Pauluskerk',
    acronym: null,
    countries: ['NL'],
    level: 'local', // paper: IOM The Hague "works with local NGOs"
    areas: ['assisted-voluntary-return'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'As a service provider for the return of unsuccessful asylum seekers to the Russian Federation and the Southern Caucasus, offers counselling, interviewing and shelter to returnees.',
  },
  {
    name: 'Cordaid',
    acronym: null,
    countries: ['NL'],
    level: 'local', // paper: IOM The Hague "works with local NGOs"
    areas: ['assisted-voluntary-return'],
    relationships: ['service-provider'],
    observerSince: '2003-06-02',
    description:
      'Provides tailor-made assistance to prepare returnees in IOM The Hague’s return and reintegration project for unsuccessful asylum seekers.',
  },
  {
    name: 'Bureau Maatwerk bij Terugkeer',
    acronym: null,
    countries: ['NL'],
    level: 'local', // paper: IOM The Hague "works with local NGOs"
    areas: ['assisted-voluntary-return'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Provides tailor-made assistance to prepare returnees in IOM The Hague’s return and reintegration project for unsuccessful asylum seekers.',
  },
  {
    name: 'Nidos',
    acronym: null,
    countries: ['NL'],
    level: 'local', // paper: IOM The Hague "works with local NGOs"
    areas: ['assisted-voluntary-return'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Guardian of unaccompanied minor asylum seekers (UMAs); IOM The Hague is expanding its cooperation with it on the return of UMAs.',
  },
  {
    name: 'Valentijn',
    acronym: null,
    countries: ['NL'],
    level: 'local', // paper: IOM The Hague "works with local NGOs"
    areas: ['assisted-voluntary-return'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Handles the reception of unaccompanied minor asylum seekers; IOM The Hague is expanding its cooperation with it on their return.',
  },
  {
    name: 'Dignity Life',
    acronym: null,
    countries: ['SK'],
    level: 'local', // paper: "the following local NGOs"
    areas: ['assisted-voluntary-return'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Works closely with IOM Bratislava in the integration programme for migrants in Slovakia, providing services to the Roma community.',
  },
  {
    name: 'Bridges for Roma',
    acronym: null,
    countries: ['SK'],
    level: 'local', // paper: "the following local NGOs"
    areas: ['assisted-voluntary-return'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Works closely with IOM Bratislava in the integration programme, providing cultural, educational and employment services to improve the living conditions of the Roma community.',
  },
  {
    name: 'European Centre for Integration of Minorities',
    acronym: 'ECIM',
    countries: ['SK'],
    level: 'local', // paper: "the following local NGOs"
    areas: ['assisted-voluntary-return'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Works closely with IOM Bratislava in the integration programme, providing services to help the Roma community integrate into society.',
  },
  {
    name: 'Orthodox Academy in Slovakia',
    acronym: null,
    countries: ['SK'],
    level: 'local', // paper: "the following local NGOs"
    areas: ['assisted-voluntary-return'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Works closely with IOM Bratislava in the integration programme, providing cultural and educational services to the Roma community.',
  },
  {
    name: 'Roma League Club',
    acronym: null,
    countries: ['SK'],
    level: 'local', // paper: "the following local NGOs"
    areas: ['assisted-voluntary-return'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Works closely with IOM Bratislava in the integration programme, providing cultural, sport and educational services to the Roma community.',
  },
  {
    name: 'Association of Salesian Youth – DOMKA',
    acronym: 'DOMKA',
    countries: ['SK'],
    level: 'local', // paper: "the following local NGOs"
    areas: ['assisted-voluntary-return'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Works closely with IOM Bratislava in the integration programme, providing sport and educational services to Roma youth.',
  },
  {
    // Paper: "Catholic Relief Services" (§23, El Salvador) and "CRS" (§52, East Timor); merged.
    name: 'Catholic Relief Services',
    acronym: 'CRS',
    countries: [], // HQ not stated
    level: 'international', // inferred: works with IOM in El Salvador and East Timor
    areas: ['assisted-voluntary-return', 'emergency-post-conflict'],
    relationships: ['donor', 'service-provider', 'collaborator'],
    observerSince: '1996-11-27',
    description:
      'Funds and implements IOM’s “Welcome Home” programme of emergency humanitarian assistance for migrants returned to El Salvador from the United States, and works with IOM Dili on the return of displaced persons in East Timor.',
  },
  {
    name: 'Caritas Scalabrinian Missionaries',
    acronym: null,
    countries: ['HN'],
    level: 'national', // inferred: paper gives no scope; assists Honduran returnees
    areas: ['assisted-voluntary-return'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Implemented the IOM programme “Assistance for Honduran Migrants returned from the United States of America”, offering immediate assistance to returnees, especially vulnerable groups.',
  },
  {
    name: 'SOS Grand Lac',
    acronym: null,
    countries: ['UG', 'CD'], // the project runs from Kiryandongo Camp (Uganda) to Bunia (DR Congo); its base is not stated
    level: 'local', // paper: "the local NGO SOS Grand Lac"
    areas: ['assisted-voluntary-return'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'With IOM, verifies and registers children, arranges medical screening, travel documents and escorts for the assisted return of 159 children from Uganda to Bunia in the Democratic Republic of the Congo.',
  },

  // ───────────── Counter-Trafficking (Annex §26–33) ─────────────
  {
    name: 'Counselling against Family Violence',
    acronym: null,
    countries: ['RS'], // paper: Belgrade, Federal Republic of Yugoslavia
    level: 'local', // paper: "the local NGO partner"
    areas: ['counter-trafficking'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Implemented the IOM project “Shelter for women victims of trafficking” in Belgrade, providing secure shelter, psychosocial counselling and medical assistance.',
  },
  {
    name: 'Woman Safety House',
    acronym: null,
    countries: ['ME'], // paper: Montenegro, Federal Republic of Yugoslavia
    level: 'local', // inferred: counterpart of the local Belgrade shelter NGO
    areas: ['counter-trafficking'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Implemented the IOM shelter project for women victims of trafficking in Montenegro in 2001 and 2002.',
  },
  {
    name: 'LEFO',
    acronym: null,
    countries: ['AT'], // "the Austrian NGO LEFO"
    level: 'national', // inferred: described as an Austrian NGO
    areas: ['counter-trafficking'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Organized training for the Belgrade NGO Counselling against Family Violence for the IOM shelter project for trafficking victims.',
  },
  {
    name: 'The Association for Support and Protection of Children and Families at Risk',
    acronym: null,
    countries: ['MK'],
    level: 'local', // paper: "the local NGO"
    areas: ['counter-trafficking'],
    relationships: ['grant-recipient', 'service-provider'],
    observerSince: null,
    description:
      'Funded by IOM Skopje to provide psychosocial assistance to victims of trafficking in a transit centre.',
  },
  {
    name: 'Open Gate',
    acronym: null,
    countries: ['MK'],
    level: 'local', // paper: "the local NGO Open Gate"
    areas: ['counter-trafficking'],
    relationships: ['grant-recipient', 'service-provider'],
    observerSince: null,
    description:
      'Funded by IOM to provide awareness-raising and training for the local helpline for victims of trafficking.',
  },
  {
    name: 'Macedonian Bar Association',
    acronym: null,
    countries: ['MK'],
    level: 'national', // inferred: name ("Macedonian")
    areas: ['counter-trafficking'],
    relationships: ['collaborator'],
    observerSince: null,
    description: 'Assists IOM Skopje in assisting victims of trafficking.',
  },
  {
    name: 'SOS Association Demetra',
    acronym: null,
    countries: ['BG'],
    level: 'local', // inferred: paper gives no scope
    areas: ['counter-trafficking'],
    relationships: ['collaborator'],
    observerSince: null,
    description: 'Works with IOM Sofia in providing support to victims of trafficking.',
  },
  {
    name: 'Maria Centre',
    acronym: null,
    countries: ['BG'],
    level: 'local', // inferred: paper gives no scope
    areas: ['counter-trafficking'],
    relationships: ['collaborator'],
    observerSince: null,
    description: 'Works with IOM Sofia in providing support to victims of trafficking.',
  },
  {
    name: 'Nadya Centre for Women Victims of Violence',
    acronym: null,
    countries: ['BG'],
    level: 'local', // inferred: paper gives no scope
    areas: ['counter-trafficking'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Works with IOM Sofia, providing accommodation, medical treatment and psychological counselling for women victims of trafficking.',
  },
  {
    name: 'Bulgarian Family Planning Association',
    acronym: null,
    countries: ['BG'],
    level: 'national', // inferred: name ("Bulgarian")
    areas: ['counter-trafficking'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Works with IOM Sofia, offering preventive sexual and anti-trafficking education to schoolchildren.',
  },
  {
    name: 'Neglected Children Society',
    acronym: null,
    countries: ['BG'],
    level: 'local', // inferred: paper gives no scope
    areas: ['counter-trafficking'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Works with IOM Sofia, providing social and psychological support to girl minors who were victims of forced prostitution.',
  },
  {
    name: 'Open Society Foundation',
    acronym: null,
    countries: ['AL'], // inferred: co-funds an Albanian project; base not stated
    level: 'national', // inferred: paper gives no scope
    areas: ['counter-trafficking'],
    relationships: ['donor'],
    observerSince: '2002-12-02',
    description:
      'Co-funds IOM’s counter-trafficking project “Reintegration Assistance to Albanian Victims of Trafficking through Capacity-Building”.',
  },
  {
    name: 'International Catholic Migration Commission',
    acronym: 'ICMC',
    countries: [], // HQ not stated
    level: 'international', // inferred: name ("International")
    areas: ['counter-trafficking', 'emergency-post-conflict'],
    relationships: ['service-provider', 'collaborator'],
    observerSince: '1993-11-30',
    description:
      'Its Inter-Agency Referral System implements an IOM project assisting trafficking victims in the Balkans; it also took over the Maslakh IDP camp operations from IOM Herat and assists IOM with income generation for war invalids in Kosovo.',
  },
  {
    name: 'ACHO',
    acronym: null,
    countries: ['AL'], // inferred: named in the Albanian reintegration project context
    level: 'local', // inferred: paper gives no scope
    areas: ['counter-trafficking'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Worked with IOM in providing psychological and post-arrival medical assistance to returning migrants and victims of trafficking.',
  },
  {
    name: 'YWAM',
    acronym: null,
    countries: ['AL'], // inferred: named in the Albanian reintegration project context
    level: 'local', // inferred: paper gives no scope
    areas: ['counter-trafficking'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Worked with IOM in providing psychological and post-arrival medical assistance to returning migrants and victims of trafficking.',
  },
  {
    name: 'Fountain House', // paper: "the Fountain House"
    acronym: null,
    countries: ['AL'], // inferred: named in the Albanian reintegration project context
    level: 'local', // inferred: paper gives no scope
    areas: ['counter-trafficking'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Worked with IOM in providing psychological and post-arrival medical assistance to returning migrants and victims of trafficking.',
  },
  {
    name: 'Joshua Trauma Centre',
    acronym: null,
    countries: ['AL'], // inferred: named in the Albanian reintegration project context
    level: 'local', // inferred: paper gives no scope
    areas: ['counter-trafficking'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Worked with IOM in providing psychological and post-arrival medical assistance to returning migrants and victims of trafficking.',
  },
  {
    name: 'Lila Cedius',
    acronym: null,
    countries: [], // base not stated; works in Nigeria on a project implemented by MRF Rome
    level: 'international', // inferred: operates in Nigeria within an IOM project run from Rome
    areas: ['counter-trafficking'],
    relationships: ['service-provider', 'collaborator'],
    observerSince: null,
    description:
      'In IOM’s project against trafficking of Nigerian women and minors, trains health staff, civil servants and local NGOs in Nigeria on HIV/AIDS and STD prevention, co-runs awareness campaigns and advises on an HIV and counter-trafficking manual.',
  },
  {
    name: 'El Pozo',
    acronym: null,
    countries: ['PE'],
    level: 'local', // paper: "the local NGO El Pozo"
    areas: ['counter-trafficking'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Collaborates with IOM Lima against trafficking in women and children, producing and distributing prevention posters and brochures and helping run a telephone hotline.',
  },
  {
    name: 'Cambodian Women’s Crisis Centre',
    acronym: 'CWCC',
    countries: ['KH'],
    level: 'national', // inferred: name ("Cambodian")
    areas: ['counter-trafficking'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Partner in IOM’s return and reintegration project for trafficked women and children in the Mekong subregion, providing shelter, education and health care after the IOM reception centre.',
  },
  {
    name: 'World Vision Australia',
    acronym: null,
    countries: ['AU'], // from the name
    level: 'international', // inferred: Australian NGO co-funding a project in Cambodia
    areas: ['counter-trafficking'],
    relationships: ['donor'],
    observerSince: '1999-11-30',
    description:
      'Co-donor in Cambodia of the IOM project “Law Enforcement against Sexual Abuse/Exploitation and Trafficking of Children”.',
  },
  {
    name: 'ACD-Rajshahi', // paper text reads "ACDRajshahi" (hyphen lost at a line break in the extraction)
    acronym: null,
    countries: ['BD'],
    level: 'national', // paper: "two national NGOs"
    areas: ['counter-trafficking'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Works with IOM Dhaka on a two-year (2002–2003) project on local leaders’ capacity-building against trafficking.',
  },
  {
    name: 'Rights Jessore',
    acronym: null,
    countries: ['BD'],
    level: 'national', // paper: "two national NGOs"
    areas: ['counter-trafficking'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Works with IOM Dhaka on a two-year (2002–2003) project on local leaders’ capacity-building against trafficking.',
  },
  {
    name: 'ABC',
    acronym: null,
    countries: ['NP'],
    level: 'national', // paper: "two Nepal-based national NGOs"
    areas: ['counter-trafficking'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Works with IOM Dhaka on a project returning victims of trafficking from India to Nepal.',
  },
  {
    name: 'WOREC',
    acronym: null,
    countries: ['NP'],
    level: 'national', // paper: "two Nepal-based national NGOs"
    areas: ['counter-trafficking'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Works with IOM Dhaka on a project returning victims of trafficking from India to Nepal.',
  },

  // ───────────── Mass Information (Annex §34–38) ─────────────
  {
    name: 'ASTRADOMES',
    acronym: null,
    countries: ['CR'],
    level: 'local', // inferred: paper gives no scope
    areas: ['mass-information'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Designs and disseminates IOM San José’s “Information Campaign for Domestic Workers and Employers” on rights, obligations and social security.',
  },
  {
    name: 'Voces Nuestras',
    acronym: null,
    countries: ['CR'],
    level: 'local', // inferred: paper gives no scope
    areas: ['mass-information'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Produces and broadcasts the soap opera of IOM’s “Times of Hurricane” project, raising awareness in rural communities of migration as a consequence of disasters.',
  },
  {
    name: 'Radio Nederland Training Centre',
    acronym: null,
    countries: ['NL'], // from the name
    level: 'international', // inferred: Dutch organization producing material in Costa Rica
    areas: ['mass-information'],
    relationships: ['service-provider'],
    observerSince: '1999-11-30',
    description:
      'Produced radio spots for the marketing campaign preceding the broadcast of the “Times of Hurricane” soap opera in Costa Rica.',
  },
  {
    name: 'Scalabrini Migration Centre',
    acronym: null,
    countries: ['PH'],
    level: 'local', // inferred: paper gives no scope
    areas: ['mass-information'],
    relationships: ['collaborator'],
    observerSince: '2000-11-28',
    description:
      'A research NGO on migration that provides IOM Manila with church-based target groups for information campaigns.',
  },
  {
    name: 'KAKAMMPI',
    acronym: null,
    countries: ['PH'],
    level: 'local', // inferred: paper gives no scope
    areas: ['mass-information'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Co-hosts a TIMP radio programme in IOM Manila’s mass information campaign on the dangers of irregular migration and trafficking.',
  },
  {
    name: 'NISUS consortium',
    acronym: null,
    countries: ['UA'],
    level: 'local', // inferred: paper gives no scope
    areas: ['mass-information'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Ran interactive meetings and a phone-in hotline for IOM’s campaign “Prevention of trafficking in women from Ukraine”.',
  },
  {
    name: 'La Strada Ukraine', // paper spelling identical: "La Strada Ukraine"
    acronym: null,
    countries: ['UA'],
    level: 'national', // inferred: name ("Ukraine")
    areas: ['mass-information'],
    relationships: ['collaborator'],
    observerSince: '2001-11-27',
    description:
      'Ran a series of interactive meetings and a phone-in hotline for IOM’s information campaign “Prevention of trafficking in women from Ukraine”.',
  },
  {
    name: 'Internews Ukraine',
    acronym: null,
    countries: ['UA'],
    level: 'national', // inferred: name ("Ukraine"); paper calls it an American-Ukrainian NGO
    areas: ['mass-information'],
    relationships: ['service-provider'],
    observerSince: '2003-06-02',
    description:
      'Airs IOM’s anti-trafficking radio spot two or three times a week on 18 radio stations through its distribution network.',
  },
  {
    name: 'NANE',
    acronym: null,
    countries: ['HU'],
    level: 'local', // paper: "the local NGO NANE"
    areas: ['mass-information'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Issued with IOM the counter-trafficking information card of the 2001 Hungarian campaign, translated into five languages, and has since received hundreds of inquiries.',
  },
  {
    name: 'Roma Women in Public Life Association',
    acronym: null,
    countries: ['HU'],
    level: 'local', // inferred: paper gives no scope
    areas: ['mass-information'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Participated in the training and dissemination of IOM’s 2001 counter-trafficking information campaign in Hungary.',
  },
  {
    name: 'Radio C Foundation',
    acronym: null,
    countries: ['HU'],
    level: 'local', // inferred: paper gives no scope
    areas: ['mass-information'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Participated in the training and dissemination of IOM’s 2001 counter-trafficking information campaign in Hungary.',
  },
  {
    name: 'Hungarian Roma Parliament',
    acronym: null,
    countries: ['HU'],
    level: 'national', // inferred: name ("Hungarian")
    areas: ['mass-information'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Participated in the training and dissemination of IOM’s 2001 counter-trafficking information campaign in Hungary.',
  },
  {
    name: 'Jiyde Ayimdary',
    acronym: null,
    countries: ['KG'],
    level: 'local', // inferred: works in the Jalal-Abad region
    areas: ['mass-information'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Disseminates information on legal assistance to migrants and local communities in the Jalal-Abad region to prevent violations of migrants’ rights at the Uzbek–Kyrgyz border.',
  },
  {
    name: 'Tuya-Moun Amyimdary',
    acronym: null,
    countries: ['KG'],
    level: 'local', // inferred: works in the Osh region
    areas: ['mass-information'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Provides legal protection to local communities and seasonal migrants in the Osh region and raises awareness of legal procedures for crossing State borders.',
  },

  // ───────────── Research related to migration management (Annex §39–43) ─────────────
  {
    name: 'Women’s Consortium of Nigeria',
    acronym: 'WOCON',
    countries: ['NG'],
    level: 'national', // inferred: name ("of Nigeria")
    areas: ['research'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Coordinated with IOM on a systematic study of trafficking of Nigerian women to Europe, profiling victims and traffickers’ recruitment and transport mechanisms.',
  },
  {
    name: 'Armenian Sociological Association',
    acronym: null,
    countries: ['AM'],
    level: 'national', // paper: "a national NGO"
    areas: ['research'],
    relationships: ['service-provider', 'collaborator'],
    observerSince: null,
    description:
      'Implementation partner of IOM Yerevan, sharing survey data entry and analysis for the “Study on Trafficking in Women and Children from the Republic of Armenia”.',
  },
  {
    name: 'Businesswomen',
    acronym: null,
    countries: ['AM'],
    level: 'local', // inferred: paper gives no scope
    areas: ['research'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Identified persons who conducted the surveys of IOM Yerevan’s study on trafficking in women and children from Armenia.',
  },
  {
    name: 'Hope and Help',
    acronym: null,
    countries: ['AM'],
    level: 'local', // inferred: paper gives no scope
    areas: ['research'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Identified persons who conducted the surveys of IOM Yerevan’s study on trafficking in women and children from Armenia.',
  },
  {
    name: 'Azerbaijani-Turkish Women’s Society', // paper text reads "AzerbaijaniTurkish" (hyphen lost at a line break in the extraction)
    acronym: null,
    countries: ['AZ'],
    level: 'national', // inferred: paper gives no scope
    areas: ['research'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Conducted, within IOM’s research on irregular migration and trafficking in Azerbaijan, a study on trafficking in women from Azerbaijan to the United Arab Emirates.',
  },
  {
    name: 'Society for Protection of Women’s Rights',
    acronym: null,
    countries: ['AZ'],
    level: 'local', // inferred: paper gives no scope
    areas: ['research'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Took part in IOM’s base-line survey among victims of trafficking and at-risk groups in Azerbaijan.',
  },
  {
    name: 'Children’s Union of Azerbaijan',
    acronym: null,
    countries: ['AZ'],
    level: 'national', // inferred: name ("of Azerbaijan")
    areas: ['research'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Took part in IOM’s base-line survey among victims of trafficking and at-risk groups in Azerbaijan.',
  },
  {
    name: 'Tanadgoma Centre',
    acronym: null,
    countries: ['GE'],
    level: 'local', // inferred: paper gives no scope
    areas: ['research'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Interviewed commercial sex workers and students for IOM’s study on irregular migration from Georgia, “Hardship Abroad or Hunger at Home”, after a short IOM training.',
  },
  {
    name: 'International Union – Centre for Foreign Citizens and Migrants’ Rights and Security',
    acronym: null,
    countries: ['GE'],
    level: 'national', // inferred: one of "four Georgian NGOs" despite "International" in its name
    areas: ['research'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Interviewed victims of trafficking and irregular migrants for IOM’s Georgian study “Hardship Abroad or Hunger at Home”.',
  },
  {
    name: 'Georgian Disabled Women’s International Association',
    acronym: null,
    countries: ['GE'],
    level: 'national', // inferred: one of "four Georgian NGOs"
    areas: ['research'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Interviewed victims of trafficking and irregular migrants for IOM’s Georgian study “Hardship Abroad or Hunger at Home”.',
  },
  {
    name: 'Charity Humanitarian Centre-Abkhazeti',
    acronym: null,
    countries: ['GE'],
    level: 'local', // inferred: works with IDP communities
    areas: ['research'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Interviewed irregular migrants from IDP communities for IOM’s Georgian study “Hardship Abroad or Hunger at Home”.',
  },

  // ───────────── Migration Health Services (Annex §44–49) ─────────────
  {
    name: 'Médecins du Monde',
    acronym: null,
    countries: [], // HQ not stated (works with IOM Paris and in Afghanistan)
    level: 'international', // inferred: works with IOM in France and Afghanistan
    areas: ['migration-health', 'emergency-post-conflict'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: '1998-11-17',
    description:
      'Works with IOM Paris in providing health services and social support for migrants, and ran health services in the Maslakh IDP camp managed by IOM Herat.',
  },
  {
    name: 'Bus des Femmes',
    acronym: null,
    countries: ['FR'],
    level: 'local', // inferred: partner of IOM Paris; paper gives no scope
    areas: ['migration-health'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Works with IOM Paris in providing assistance for sex workers and persons with tuberculosis.',
  },
  {
    name: 'Organization for Social Services for AIDS',
    acronym: 'OSSA',
    countries: ['ET'],
    level: 'local', // inferred: paper gives no scope
    areas: ['migration-health'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Implements the activities of IOM Addis Ababa’s project “Mobilizing the Demobilized in the Fight Against HIV/AIDS” in Shakisso.',
  },
  {
    name: 'DKT Ethiopia',
    acronym: null,
    countries: ['ET'],
    level: 'national', // inferred: name ("Ethiopia")
    areas: ['migration-health'],
    relationships: ['donor'],
    observerSince: null,
    description:
      'Funds the communication component of IOM Addis Ababa’s HIV/AIDS project for demobilized ex-combatants.',
  },
  {
    name: 'Family Health International',
    acronym: 'FHI',
    countries: [], // HQ not stated
    level: 'international', // paper: "International NGOs such as Family Health International (FHI)"
    areas: ['migration-health'],
    relationships: ['service-provider'],
    observerSince: '2002-12-02',
    description: 'Provides training to IOM Addis Ababa health staff and collaborators on HIV/AIDS.',
  },
  {
    name: 'Médecins Sans Frontières', // paper spells it "Médicins Sans Frontières"
    acronym: 'MSF',
    countries: [], // HQ not stated
    level: 'international', // paper: "International NGOs such as ... Médicins Sans Frontières (MSF)"
    areas: ['migration-health'],
    relationships: ['service-provider', 'collaborator'],
    observerSince: '1996-11-27',
    description:
      'Trains IOM health staff in Ethiopia, and IOM plans to collaborate with its DOTS tuberculosis control programme for Burmese migrants and host communities in Thailand.',
  },
  {
    name: 'Thai Red Cross Society',
    acronym: null,
    countries: ['TH'],
    level: 'national', // inferred: national Red Cross society
    areas: ['migration-health'],
    relationships: ['collaborator'],
    observerSince: '2001-11-27',
    description:
      'Worked with IOM’s Migration Health Services on tuberculosis and HIV/AIDS awareness training for detainees in immigration detention centres in Thailand.',
  },
  {
    name: 'Duang Prateep',
    acronym: null,
    countries: ['TH'],
    level: 'local', // inferred: paper gives no scope
    areas: ['migration-health'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Worked with IOM’s Migration Health Services on tuberculosis and HIV/AIDS awareness training for detainees in immigration detention centres in Thailand.',
  },
  {
    // Paper: "World Vision International" (§49, Thailand) and "the World Vision" (§50, Herat); merged.
    name: 'World Vision International',
    acronym: null,
    countries: [], // HQ not stated
    level: 'international', // inferred: name ("International")
    areas: ['migration-health', 'emergency-post-conflict'],
    relationships: ['collaborator', 'donor'],
    observerSince: '1997-11-24',
    description:
      'Provided tents, winter clothing and hygiene kits to IDP families in the IOM-managed Maslakh camp, and is to help train and supervise migrant health volunteers in Thailand.',
  },
  {
    name: 'Mae Tao Clinic',
    acronym: null,
    countries: ['TH'],
    level: 'local', // paper: "the local NGO Mae Tao Clinic"
    areas: ['migration-health'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Is to collaborate with IOM in training and supervising migrant health volunteers delivering primary health care to Burmese migrants in Thailand.',
  },

  // ───────────── Emergency and Post-Conflict (Annex §50–55) ─────────────
  {
    name: 'German Agro Action',
    acronym: null,
    countries: ['DE'], // from the name
    level: 'international', // inferred: German NGO operating in Afghanistan
    areas: ['emergency-post-conflict'],
    relationships: ['donor'],
    observerSince: '1999-11-30',
    description:
      'Donated tents, plastic tarpaulins and kitchen sets for IDP families in the Maslakh camp managed by IOM Herat.',
  },
  {
    name: 'HRS',
    acronym: null,
    countries: ['AF'],
    level: 'local', // paper lists HRS among the "local NGOs"
    areas: ['emergency-post-conflict'],
    relationships: ['service-provider', 'collaborator'],
    observerSince: null,
    description:
      'Ran health services and supported water and sanitation in the Maslakh IDP camp managed by IOM Herat.',
  },
  {
    name: 'CHA',
    acronym: null,
    countries: ['AF'],
    level: 'local', // inferred: paper gives no scope
    areas: ['emergency-post-conflict'],
    relationships: ['service-provider'],
    observerSince: null,
    description: 'Ran health services in the Maslakh IDP camp managed by IOM Herat.',
  },
  {
    name: 'IbniSina',
    acronym: null,
    countries: ['AF'],
    level: 'local', // inferred: paper gives no scope
    areas: ['emergency-post-conflict'],
    relationships: ['service-provider'],
    observerSince: null,
    description: 'Ran health services in the Maslakh IDP camp managed by IOM Herat.',
  },
  {
    name: 'DAACAR',
    acronym: null,
    countries: ['DK'], // "the Danish NGO DAACAR"
    level: 'international', // paper lists DAACAR among the "international NGOs"
    areas: ['emergency-post-conflict'],
    relationships: ['collaborator', 'donor'],
    observerSince: null,
    description:
      'Supported water and sanitation in the Maslakh IDP camp and donated fertilizer to IDP families returning home from the camp.',
  },
  {
    name: 'Shelter for Life',
    acronym: null,
    countries: [], // HQ not stated
    level: 'international', // paper lists it among the "international NGOs"
    areas: ['emergency-post-conflict'],
    relationships: ['collaborator'],
    observerSince: '2001-11-27',
    description: 'Supported water and sanitation in the Maslakh IDP camp managed by IOM Herat.',
  },
  {
    name: 'Ockenden International',
    acronym: null,
    countries: [], // HQ not stated
    level: 'international', // paper lists it among the "international NGOs"
    areas: ['emergency-post-conflict'],
    relationships: ['collaborator'],
    observerSince: '2000-11-28',
    description: 'Supported water and sanitation in the Maslakh IDP camp managed by IOM Herat.',
  },
  {
    name: 'HAFO',
    acronym: null,
    countries: ['AF'],
    level: 'local', // paper lists HAFO among the "local NGOs"
    areas: ['emergency-post-conflict'],
    relationships: ['collaborator'],
    observerSince: null,
    description: 'Supported water and sanitation in the Maslakh IDP camp managed by IOM Herat.',
  },
  {
    name: 'RRD',
    acronym: null,
    countries: ['AF'],
    level: 'local', // paper lists RRD among the "local NGOs"
    areas: ['emergency-post-conflict'],
    relationships: ['collaborator'],
    observerSince: null,
    description: 'Supported water and sanitation in the Maslakh IDP camp managed by IOM Herat.',
  },
  {
    name: 'Norwegian Project Office',
    acronym: 'NPO',
    countries: ['NO'], // from the name
    level: 'international', // inferred: Norwegian organization operating in Afghanistan
    areas: ['emergency-post-conflict'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Channelled the sets of agricultural tools that IOM gave to IDP families leaving the Maslakh camp to return home.',
  },
  {
    name: 'People in Need Foundation',
    acronym: null,
    countries: [], // HQ not stated
    level: 'international', // inferred: operates in Northern Afghanistan
    areas: ['emergency-post-conflict'],
    relationships: ['collaborator'],
    observerSince: '2002-12-02',
    description:
      'With IOM Mazar and IRC, designed a plan for the sustainable return of IDPs to their home villages in Northern Afghanistan and carried out assessment missions to return areas.',
  },
  {
    name: 'CARE',
    acronym: null,
    countries: [], // HQ not stated
    level: 'international', // inferred: paper gives no scope
    areas: ['emergency-post-conflict'],
    relationships: ['collaborator'],
    observerSince: '1997-11-24',
    description:
      'Works with IOM Dili on the safe and orderly return of displaced persons and refugees to their communities in East Timor.',
  },
  {
    name: 'Swisscontact',
    acronym: null,
    countries: ['CH'], // inferred from the name
    level: 'international', // inferred: Swiss organization working in Kosovo
    areas: ['emergency-post-conflict'],
    relationships: ['collaborator'],
    observerSince: '2003-06-02',
    description:
      'Works with IOM on the post-conflict reintegration programme in Kosovo through vocational and skills training.',
  },
  {
    name: 'AOF',
    acronym: null,
    countries: ['XK'], // Kosovo: user-assigned code XK
    level: 'local', // inferred: paper gives no scope
    areas: ['emergency-post-conflict'],
    relationships: ['collaborator'],
    observerSince: null,
    description:
      'Works with IOM on the post-conflict reintegration programme in Kosovo through vocational and skills training.',
  },
  {
    name: 'Handikos',
    acronym: null,
    countries: ['XK'], // Kosovo: user-assigned code XK
    level: 'local', // inferred: paper gives no scope
    areas: ['emergency-post-conflict'],
    relationships: ['service-provider'],
    observerSince: null,
    description:
      'Assists IOM’s Kosovo reintegration programme with staff training and micro-credits to beneficiaries.',
  },
  {
    name: 'Macondo',
    acronym: null,
    countries: ['CO'],
    level: 'local', // inferred: paper says "local and international NGOs" without saying which
    areas: ['emergency-post-conflict'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Works with IOM’s assistance programme for former child combatants in Colombia and helps with peace advocacy and a revolving-fund credit line for displaced people’s projects.',
  },
  {
    name: 'Cedro',
    acronym: null,
    countries: ['CO'],
    level: 'local', // inferred: paper says "local and international NGOs" without saying which
    areas: ['emergency-post-conflict'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Works with IOM’s assistance programme for former child combatants in Colombia and supports peace-strengthening initiatives.',
  },
  {
    name: 'Fundación Rayuela',
    acronym: null,
    countries: ['CO'],
    level: 'local', // inferred: paper says "local and international NGOs" without saying which
    areas: ['emergency-post-conflict'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Works with IOM’s assistance programme for former child combatants in Colombia and supports peace advocacy.',
  },
  {
    name: 'Fundación Don Bosco',
    acronym: null,
    countries: ['CO'],
    level: 'local', // inferred: paper says "local and international NGOs" without saying which
    areas: ['emergency-post-conflict'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Works with IOM’s assistance programme for former child combatants in Colombia and helps with technical follow-up of productive projects of displaced people.',
  },
  {
    name: 'Fundación Juan Bosco',
    acronym: null,
    countries: ['CO'],
    level: 'local', // inferred: paper says "local and international NGOs" without saying which
    areas: ['emergency-post-conflict'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Works with IOM’s assistance programme for former child combatants in Colombia and supports peace-strengthening initiatives.',
  },
  {
    name: 'Asperla',
    acronym: null,
    countries: ['CO'],
    level: 'local', // inferred: paper says "local and international NGOs" without saying which
    areas: ['emergency-post-conflict'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Works with IOM’s assistance programme for former child combatants in Colombia and helps implement a revolving-fund credit line.',
  },
  {
    name: 'Agarta',
    acronym: null,
    countries: ['CO'],
    level: 'local', // inferred: paper says "local and international NGOs" without saying which
    areas: ['emergency-post-conflict'],
    relationships: ['collaborator', 'service-provider'],
    observerSince: null,
    description:
      'Works with IOM’s assistance programme for former child combatants in Colombia and supports peace advocacy.',
  },
  {
    name: 'OIKOS',
    acronym: null,
    countries: ['AO'],
    level: 'national', // inferred: paper says "national and international NGOs" without saying which
    areas: ['emergency-post-conflict'],
    relationships: ['grant-recipient'],
    observerSince: null,
    description:
      'Used the funding mechanism of IOM’s Community Assistance and Reintegration project in Angola to carry out micro-projects for IDPs, demobilized combatants and host communities.',
  },
  {
    name: 'CIC',
    acronym: null,
    countries: ['AO'],
    level: 'national', // inferred: paper says "national and international NGOs" without saying which
    areas: ['emergency-post-conflict'],
    relationships: ['grant-recipient'],
    observerSince: null,
    description:
      'Used the funding mechanism of IOM’s Community Assistance and Reintegration project in Angola to carry out micro-projects for war-affected populations.',
  },
  {
    name: 'VIDA',
    acronym: null,
    countries: ['AO'],
    level: 'national', // inferred: paper says "national and international NGOs" without saying which
    areas: ['emergency-post-conflict'],
    relationships: ['grant-recipient'],
    observerSince: null,
    description:
      'Used the funding mechanism of IOM’s Community Assistance and Reintegration project in Angola to carry out micro-projects for war-affected populations.',
  },
  {
    name: 'Development Workshop',
    acronym: null,
    countries: ['AO'],
    level: 'national', // inferred: paper says "national and international NGOs" without saying which
    areas: ['emergency-post-conflict'],
    relationships: ['grant-recipient'],
    observerSince: '2003-06-02',
    description:
      'Used the funding mechanism of IOM’s Community Assistance and Reintegration project in Angola to carry out micro-projects for IDPs, demobilized combatants and their dependants.',
  },
  {
    name: 'ADRA Angola',
    acronym: null,
    countries: ['AO'],
    level: 'national', // inferred: name ("Angola")
    areas: ['emergency-post-conflict'],
    relationships: ['grant-recipient'],
    observerSince: null,
    description:
      'Used the funding mechanism of IOM’s Community Assistance and Reintegration project in Angola to carry out micro-projects for war-affected communities.',
  },
];
