// Where the evidence screens can go. The app supplies these; the screens never touch the view state.
export interface EvidenceNav {
  home(): void;
  log(): void;
  quickLog(): void;
  entry(id: string): void;
  newEntry(): void;
  editEntry(id: string): void;
  orders(): void;
  patterns(): void;
  order(id?: string): void;
}
