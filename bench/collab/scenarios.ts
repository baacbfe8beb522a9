/** Rooms of people typing at a steady rate. */
export interface LoadScenario {
  kind: "load";
  name: string;
  what: string;
  rooms: number;
  clientsPerRoom: number;
  /** Edits per second per client. */
  rate: number;
}

/** Many clients connecting at once to rooms that already have content and a person in them. */
export interface StormScenario {
  kind: "storm";
  name: string;
  what: string;
  rooms: number;
  clientsPerRoom: number;
  seedParagraphs: number;
}

/** A long brief built from many small edits, then opened by new clients. */
export interface BigBriefScenario {
  kind: "bigbrief";
  name: string;
  what: string;
  paragraphs: number;
  editsPerParagraph: number;
  freshClients: number;
}

export type Scenario = LoadScenario | StormScenario | BigBriefScenario;

export const SCENARIOS: Scenario[] = [
  {
    kind: "load",
    name: "room50",
    what: "1 room × 50 clients, 2 edits/s each",
    rooms: 1,
    clientsPerRoom: 50,
    rate: 2,
  },
  {
    kind: "load",
    name: "rooms200",
    what: "200 rooms × 3 clients, 1 edit/s each",
    rooms: 200,
    clientsPerRoom: 3,
    rate: 1,
  },
  {
    kind: "load",
    name: "stress",
    what: "300 rooms × 3 clients, 8 edits/s each",
    rooms: 300,
    clientsPerRoom: 3,
    rate: 8,
  },
  {
    kind: "storm",
    name: "storm",
    what: "500 clients connect at once to 50 rooms (10 each; 20 paragraphs and 1 person already there)",
    rooms: 50,
    clientsPerRoom: 10,
    seedParagraphs: 20,
  },
  {
    kind: "bigbrief",
    name: "bigbrief",
    what: "100-page brief: 2,000 paragraphs from 12,000 small edits, then opened by new clients",
    paragraphs: 2000,
    editsPerParagraph: 5,
    freshClients: 5,
  },
];
