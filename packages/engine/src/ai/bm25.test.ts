import { describe, expect, it } from "vitest";
import { bm25Index, terms } from "./bm25";

const FAQ = [
  "When are you open?\nMonday to Saturday, 9 am to 7 pm.",
  "How do I return an item?\nYou have 30 days to return it, free of charge.",
  "Où est ma commande ?\nSuivez votre colis avec le numéro reçu par e-mail.",
  "Do you ship abroad?\nWe deliver to the EU and Switzerland.",
];

describe("BM25 ranking of passages", () => {
  it("folds case and accents, drops stop words and plural endings", () => {
    expect(terms("Où sont mes COMMANDES ?")).toEqual(["sont", "commande"]);
    expect(terms("the returns")).toEqual(["return"]);
  });

  it("ranks the passage that holds the question's rare words first", () => {
    const index = bm25Index(FAQ);
    expect(index.rank("can I return my item")[0]?.index).toBe(1);
    expect(index.rank("mes commandes, le colis")[0]?.index).toBe(2);
    expect(index.rank("opening hours: are you open on Saturday?")[0]?.index).toBe(0);
  });

  it("finds nothing for a question with no word in the knowledge base", () => {
    expect(bm25Index(FAQ).rank("quelle est la capitale du Pérou")).toEqual([]);
    expect(bm25Index([]).rank("anything")).toEqual([]);
  });

  it("scores a word found in every passage lower than a word found in one", () => {
    const index = bm25Index(["apple banana", "apple cherry", "apple grape"]);
    const common = index.rank("apple")[0]?.score ?? 0;
    const rare = index.rank("cherry")[0]?.score ?? 0;
    expect(rare).toBeGreaterThan(common * 5);
  });
});
