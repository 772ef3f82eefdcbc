import { create } from "zustand";

interface ContentLanguageState {
  /** The language the canvas shows texts in; `null`: the flow's default. */
  language: string | null;
  set: (language: string | null) => void;
}

/** The canvas's language switch (view state, never in the undo history). */
export const useContentLanguage = create<ContentLanguageState>((set) => ({
  language: null,
  set: (language) => set({ language }),
}));
